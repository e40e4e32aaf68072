//! Python keyword options to the core's `Options`.
//!
//! The package passes the options the caller gave as a dict with the snake_case names
//! of [docs/api.md](../../../docs/api.md#options). Each value is turned into its text
//! (an `int` into decimal digits, a `str` as it is) and handed to `Options::set`, the
//! core's one parser: an unknown name or a value the core refuses (a negative
//! tolerance, an unknown encoding) is `invalid_option` with the core's message, as in
//! every runtime. Only a value of the wrong Python type is a `TypeError`.

use crate::error::{to_py, type_error};
use hookseal::{Options, OPTION_NAMES};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

/// Reads `options` (a dict; `None` values mean "the default").
pub fn from_dict(options: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut out = Options::default();
    let Some(options) = options else {
        return Ok(out);
    };
    for (key, value) in options.iter() {
        let name: String = key
            .extract()
            .map_err(|_| type_error("option names must be str"))?;
        let text = if !OPTION_NAMES.contains(&name.as_str()) {
            // Whatever the value, the core names the mistake: an unknown option.
            String::new()
        } else if value.is_none() {
            continue;
        } else {
            text(&name, &value)?
        };
        out.set(&name, &text).map_err(to_py)?;
    }
    Ok(out)
}

/// The text of one option's value. `max_body` is a number, `tolerance` a number or a
/// string (`"off"`), every other option a string; `bool` is never a number here.
fn text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    let is_number = !value.is_instance_of::<PyBool>()
        && (value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>());
    let is_str = value.is_instance_of::<PyString>();
    let (takes_number, takes_str) = match name {
        "max_body" => (true, false),
        "tolerance" => (true, true),
        _ => (false, true),
    };
    if is_number && takes_number {
        // A whole float prints as its digits (300.0 is "300"); any other is refused by
        // the core, as is an int beyond its range.
        return Ok(if value.is_instance_of::<PyInt>() {
            value.str()?.to_cow()?.into_owned()
        } else {
            value.extract::<f64>()?.to_string()
        });
    }
    if is_str && takes_str {
        return string(value, name);
    }
    let wanted = match (takes_number, takes_str) {
        (true, true) => "an int or a str",
        (true, false) => "an int",
        _ => "a str",
    };
    Err(type_error(format!(
        "{name} must be {wanted}, not {}",
        value.get_type().name()?
    )))
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
