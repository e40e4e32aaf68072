//! Python keyword options to the core's `Options`.
//!
//! The package passes the options the caller gave as a dict with the snake_case names of
//! SPEC §4. Values of the wrong Python type are a `TypeError`; values of the right type
//! that the core rejects (a negative tolerance, an unknown encoding) are `invalid_option`.

use crate::error::{to_py, type_error};
use hookseal::{max_body_from_number, Options, Tolerance};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

/// The option names a verifier or signer takes, in the order of SPEC §4.
pub const NAMES: [&str; 8] = [
    "tolerance",
    "max_body",
    "header",
    "prefix",
    "encoding",
    "content",
    "timestamp_header",
    "id_header",
];

/// Reads `options` (a dict; `None` values mean "the default").
pub fn from_dict(options: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut out = Options::default();
    let Some(options) = options else {
        return Ok(out);
    };
    for (key, value) in options.iter() {
        let key: String = key
            .extract()
            .map_err(|_| type_error("option names must be str"))?;
        if value.is_none() {
            if NAMES.contains(&key.as_str()) {
                continue;
            }
            return Err(unexpected(&key));
        }
        match key.as_str() {
            "tolerance" => out.tolerance = Some(tolerance(&value)?),
            "max_body" => {
                out.max_body = Some(max_body_from_number(number(&value, &key)?).map_err(to_py)?)
            }
            "header" => out.header = Some(string(&value, &key)?),
            "prefix" => out.prefix = Some(string(&value, &key)?),
            "encoding" => out.encoding = Some(string(&value, &key)?.parse().map_err(to_py)?),
            "content" => out.content = Some(string(&value, &key)?.parse().map_err(to_py)?),
            "timestamp_header" => out.timestamp_header = Some(string(&value, &key)?),
            "id_header" => out.id_header = Some(string(&value, &key)?),
            _ => return Err(unexpected(&key)),
        }
    }
    Ok(out)
}

fn unexpected(key: &str) -> PyErr {
    type_error(format!(
        "unexpected option {key:?}; the options are {}",
        NAMES.join(", ")
    ))
}

/// `tolerance`: whole seconds, or the string `"off"`.
fn tolerance(value: &Bound<'_, PyAny>) -> PyResult<Tolerance> {
    if let Ok(s) = value.cast::<PyString>() {
        return s.to_cow()?.parse().map_err(to_py);
    }
    Tolerance::from_number(number(value, "tolerance")?).map_err(to_py)
}

/// An `int` (or a whole `float`) as the core's number; `bool` is not a number here.
fn number(value: &Bound<'_, PyAny>, key: &str) -> PyResult<f64> {
    if value.is_instance_of::<PyBool>()
        || !(value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>())
    {
        return Err(type_error(format!(
            "{key} must be an int, not {}",
            value.get_type().name()?
        )));
    }
    value.extract()
}

fn string(value: &Bound<'_, PyAny>, key: &str) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(type_error(format!(
            "{key} must be a str, not {}",
            value.get_type().name()?
        ))),
    }
}

/// A secret: `str` (its UTF-8 bytes) or `bytes`.
pub fn secret(value: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned().into_bytes());
    }
    if let Ok(b) = value.cast::<pyo3::types::PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(type_error(format!(
        "a secret must be str or bytes, not {}",
        value.get_type().name()?
    )))
}

/// A scheme id (`unknown_scheme` when the core does not know it).
pub fn scheme(id: &Bound<'_, PyAny>) -> PyResult<hookseal::Scheme> {
    string(id, "scheme")?.parse().map_err(to_py)
}
