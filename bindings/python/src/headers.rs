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

/// One header value: `str` (sent as UTF-8), `bytes`, or `None` for absent.
fn value<'py>(item: &'py Bound<'py, PyAny>, name: &str) -> PyResult<Option<Cow<'py, [u8]>>> {
    if item.is_none() {
        Ok(None)
    } else if let Ok(s) = item.cast::<PyString>() {
        Ok(Some(match s.to_cow()? {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }))
    } else if let Ok(b) = item.cast::<PyBytes>() {
        Ok(Some(Cow::Borrowed(b.as_bytes())))
    } else {
        Err(type_error(format!(
            "the value of header {name} must be str or bytes, not {}",
            item.get_type().name()?
        )))
    }
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
