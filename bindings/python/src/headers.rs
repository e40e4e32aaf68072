//! Header values from Python: the values of the verifier's header names only.
//!
//! The package extracts the values of `Verifier.header_names()` from whatever header
//! object the framework has (dict, Werkzeug, Starlette, Django, pairs) and passes a
//! tuple of values in the same order; here they are paired back with their names so the
//! core reads them through its `Headers` trait.

use crate::error::type_error;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};
use std::borrow::Cow;

/// Pairs of (lowercase name, value bytes); absent headers are left out.
pub type Pairs<'a> = Vec<(&'a str, Cow<'a, [u8]>)>;

/// One header value: `str`, `bytes`, or `None` for absent.
///
/// A `str` is what an HTTP stack made of the wire bytes by decoding them as latin-1
/// (WSGI, ASGI, Django, `http.server`), so it is encoded back to latin-1: the core sees
/// the bytes that were sent, and a byte above 0x7F verifies as in Go and Rust. Only a
/// caller's own string can hold a character above U+00FF; that one is sent as UTF-8.
pub fn value<'py>(item: &'py Bound<'py, PyAny>, name: &str) -> PyResult<Option<Cow<'py, [u8]>>> {
    if item.is_none() {
        Ok(None)
    } else if let Ok(s) = item.cast::<PyString>() {
        Ok(Some(wire_bytes(s.to_cow()?)))
    } else if let Ok(b) = item.cast::<PyBytes>() {
        Ok(Some(Cow::Borrowed(b.as_bytes())))
    } else {
        Err(type_error(format!(
            "the value of header {name} must be str or bytes, not {}",
            item.get_type().name()?
        )))
    }
}

/// The wire bytes of a header's text, by the core's rule ([`hookseal::wire_bytes`]).
fn wire_bytes(text: Cow<'_, str>) -> Cow<'_, [u8]> {
    match text {
        Cow::Borrowed(s) => hookseal::wire_bytes(s),
        Cow::Owned(s) => Cow::Owned(hookseal::wire_bytes(&s).into_owned()),
    }
}

/// `hookseal._native.wire_bytes(text)`: the same rule for the package, which joins a
/// repeated header's values itself when text and bytes are mixed.
#[pyfunction(name = "wire_bytes")]
pub fn py_wire_bytes<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyBytes>> {
    Ok(PyBytes::new(py, &wire_bytes(text.to_cow()?)))
}

/// Pairs `names` with `values` (a tuple of the same length).
pub fn pairs<'a, 'py: 'a>(
    names: &'a [String],
    values: &'a [Bound<'py, PyAny>],
) -> PyResult<Pairs<'a>> {
    if names.len() != values.len() {
        return Err(type_error(format!(
            "expected {} header values, got {}",
            names.len(),
            values.len()
        )));
    }
    let mut out = Vec::with_capacity(names.len());
    for (name, item) in names.iter().zip(values) {
        if let Some(v) = value(item, name)? {
            out.push((name.as_str(), v));
        }
    }
    Ok(out)
}

/// The items of a tuple, bound for the duration of the call.
pub fn items<'py>(values: &Bound<'py, PyTuple>) -> Vec<Bound<'py, PyAny>> {
    values.iter().collect()
}

/// The values `pick` found, as the core reads them (each `str` or `bytes`).
pub fn pairs_of<'a, 'py>(found: &'a crate::pick::Found<'a, 'py>) -> PyResult<Pairs<'a>> {
    let mut out = Vec::with_capacity(found.len());
    for (name, item) in found {
        if let Some(v) = value(item, name)? {
            out.push((*name, v));
        }
    }
    Ok(out)
}
