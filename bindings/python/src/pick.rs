//! Taking the values verification reads out of a framework's header object, in native
//! code, for the shapes servers hand a handler: a `dict`, `(name, value)` pairs (ASGI's
//! raw list), Werkzeug's `EnvironHeaders` (Flask), Starlette's `Headers` (FastAPI) and
//! Django's `HttpHeaders`. Only the names verification reads are looked up (the signature,
//! then the timestamp and id headers it signs): an envelope header that is absent never
//! sends a delivery down a slower path, and the envelope's are read when first asked for.
//!
//! Any other shape, and any doubt (a name absent from a dict, which may hold it in
//! another case), returns `None`, and the caller falls back to the package's
//! `values_of`, which handles every shape and raises the `TypeError`s. Both paths give the
//! same values: repeats are handed to the core, which joins them (`hookseal::Headers`).

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

/// One name verification reads, in the forms each shape looks it up by.
pub struct Name {
    /// Lowercase, as the core names it.
    pub lower: String,
    /// The same, interned: the key of a lowercase `dict`.
    key: Py<PyString>,
    /// Its WSGI environ key (`HTTP_X_SALESLAB_SIGNATURE`).
    environ: Py<PyString>,
}

impl Name {
    pub fn new(py: Python<'_>, lower: &str) -> Name {
        let environ = match lower {
            // The two headers WSGI keeps without the HTTP_ prefix.
            "content-type" | "content-length" => lower.replace('-', "_").to_ascii_uppercase(),
            _ => format!("HTTP_{}", lower.replace('-', "_").to_ascii_uppercase()),
        };
        Name {
            lower: lower.to_owned(),
            key: PyString::intern(py, lower).unbind(),
            environ: PyString::intern(py, &environ).unbind(),
        }
    }
}

/// (lowercase name, value object) for each value found; a repeated name appears twice,
/// and the core joins the repeats. The values are checked and turned into bytes by
/// `headers::pairs_of`.
pub type Found<'a, 'py> = Vec<(&'a str, Bound<'py, PyAny>)>;

/// The values of `names` in `headers`, or `None` when the package's `values_of` must
/// decide (another shape, or a name it may find in another case).
pub fn pick<'a, 'py>(
    headers: &Bound<'py, PyAny>,
    names: &'a [Name],
) -> PyResult<Option<Found<'a, 'py>>> {
    if let Ok(dict) = headers.cast_exact::<PyDict>() {
        return by_key(dict, names, |n| &n.key, |v| Ok(Some(v)));
    }
    if let Ok(list) = headers.cast_exact::<PyList>() {
        return from_pairs(list.iter(), names);
    }
    if let Ok(tuple) = headers.cast_exact::<PyTuple>() {
        return from_pairs(tuple.iter(), names);
    }
    let py = headers.py();
    // Told apart by the class name (interned, so compared by pointer), and read through
    // instance attributes only: a property would run a Python frame.
    let type_name = headers.get_type().name()?;
    let named = |name: &Bound<'_, PyString>| PyAnyMethods::eq(type_name.as_any(), name);
    if named(intern!(py, "EnvironHeaders"))? {
        // Werkzeug (Flask): a view of the WSGI environ, whose keys it reads.
        return match attr::<PyDict>(headers, intern!(py, "environ")) {
            Some(env) => by_key(&env, names, |n| &n.environ, |v| Ok(Some(v))),
            None => Ok(None),
        };
    }
    if named(intern!(py, "Headers"))? {
        // Starlette (FastAPI): the ASGI list of (name, value) bytes behind `.raw`.
        return match attr::<PyList>(headers, intern!(py, "_list")) {
            Some(list) => from_pairs(list.iter(), names),
            None => Ok(None),
        };
    }
    if named(intern!(py, "HttpHeaders"))? {
        // Django: a case-insensitive mapping keeping {lowercase: (name, value)}.
        return match attr::<PyDict>(headers, intern!(py, "_store")) {
            Some(store) => by_key(
                &store,
                names,
                |n| &n.key,
                |entry| {
                    Ok(entry
                        .cast_into::<PyTuple>()
                        .ok()
                        .and_then(|t| t.get_item(1).ok()))
                },
            ),
            None => Ok(None),
        };
    }
    Ok(None)
}

/// The attribute `name` of `obj` when it is exactly a `T` (a `dict`, a `list`).
fn attr<'py, T: pyo3::PyTypeInfo>(
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyString>,
) -> Option<Bound<'py, T>> {
    obj.getattr(name)
        .ok()
        .and_then(|v| v.cast_into_exact::<T>().ok())
}

/// Looks each name up in `dict` under `key(name)`; `None` as soon as one is absent.
fn by_key<'a, 'py>(
    dict: &Bound<'py, PyDict>,
    names: &'a [Name],
    key: impl Fn(&Name) -> &Py<PyString>,
    entry: impl Fn(Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>>,
) -> PyResult<Option<Found<'a, 'py>>> {
    let py = dict.py();
    let mut out = Found::with_capacity(names.len());
    for name in names {
        let Some(found) = dict.get_item(key(name).bind(py))? else {
            return Ok(None);
        };
        let Some(item) = entry(found)? else {
            return Ok(None);
        };
        out.push((name.lower.as_str(), item));
    }
    Ok(Some(out))
}

fn from_pairs<'a, 'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    names: &'a [Name],
) -> PyResult<Option<Found<'a, 'py>>> {
    let mut out = Found::with_capacity(names.len());
    for item in items {
        let Ok(pair) = item.cast_into::<PyTuple>() else {
            return Ok(None);
        };
        if pair.len() != 2 {
            return Ok(None);
        }
        let key = pair.get_item(0)?;
        let wanted = if let Ok(s) = key.cast::<PyString>() {
            // Lengths first: most names are not wanted, and their text is never copied.
            let len = s.len()?;
            if names.iter().any(|n| n.lower.len() == len) {
                let s = s.to_cow()?;
                names.iter().find(|n| n.lower.eq_ignore_ascii_case(&s))
            } else {
                None
            }
        } else if let Ok(b) = key.cast::<PyBytes>() {
            let b = b.as_bytes();
            names
                .iter()
                .find(|n| n.lower.as_bytes().eq_ignore_ascii_case(b))
        } else {
            return Ok(None);
        };
        if let Some(name) = wanted {
            out.push((name.lower.as_str(), pair.get_item(1)?));
        }
    }
    Ok(Some(out))
}
