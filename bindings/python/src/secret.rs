//! `hookseal.Secret` and the entries of a `secrets` list, as the core's `Secret`.
//!
//! An entry is a `str` (its UTF-8 bytes) or `bytes`, a `Secret(value, not_after=...)`,
//! or a dict `{"secret": ..., "not_after": ...}`. `not_after` is an aware `datetime`
//! or unix seconds (`int` or `float`); it is turned into whole seconds here (rounded
//! down: `now <= not_after` holds for the same whole seconds either way) and the core
//! decides what a retired secret means (docs/schemes.md).

use crate::error::{to_py, type_error};
use crate::options::secret as secret_bytes;
use hookseal::{Error, ErrorCode};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyTuple, PyType};

/// `datetime.datetime` and the unix epoch as an aware `datetime`, imported once.
static DATETIME: PyOnceLock<(Py<PyType>, Py<PyAny>)> = PyOnceLock::new();

/// A secret with an optional retirement time (`hookseal.Secret`). Never printed.
#[pyclass(frozen, module = "hookseal._native")]
pub struct Secret {
    value: Vec<u8>,
    not_after: Option<i64>,
}

#[pymethods]
impl Secret {
    /// `Secret(value, *, not_after=None)`: `value` a str or bytes, `not_after` an aware
    /// `datetime` or unix seconds after which the secret no longer verifies.
    #[new]
    #[pyo3(signature = (value, *, not_after=None))]
    fn new(value: &Bound<'_, PyAny>, not_after: Option<&Bound<'_, PyAny>>) -> PyResult<Secret> {
        Ok(Secret {
            value: secret_bytes(value)?,
            not_after: not_after.map(seconds).transpose()?,
        })
    }

    /// When the secret retires, in unix seconds; `None` if it never does.
    #[getter]
    fn not_after(&self) -> Option<i64> {
        self.not_after
    }

    fn __repr__(&self) -> String {
        match self.not_after {
            Some(t) => format!("Secret([redacted], not_after={t})"),
            None => "Secret([redacted])".to_owned(),
        }
    }
}

/// The entries of a `secrets` argument (a list or tuple; a lone str is refused, as it is
/// a sequence of characters).
pub fn secrets(value: &Bound<'_, PyAny>) -> PyResult<Vec<hookseal::Secret>> {
    let list: Vec<Bound<'_, PyAny>> = if let Ok(l) = value.cast::<PyList>() {
        l.iter().collect()
    } else if let Ok(t) = value.cast::<PyTuple>() {
        t.iter().collect()
    } else {
        return Err(type_error(format!(
            "secrets must be a list or tuple of str, bytes, Secret or dict, not {}",
            value.get_type().name()?
        )));
    };
    list.iter()
        .enumerate()
        .map(|(i, entry)| self::entry(entry, i))
        .collect()
}

/// One entry of a `secrets` list.
fn entry(value: &Bound<'_, PyAny>, index: usize) -> PyResult<hookseal::Secret> {
    if let Ok(s) = value.cast::<Secret>() {
        let s = s.get();
        let secret = hookseal::Secret::new(&s.value);
        return Ok(match s.not_after {
            Some(t) => secret.not_after(t),
            None => secret,
        });
    }
    let Ok(dict) = value.cast::<PyDict>() else {
        return secret_bytes(value).map(hookseal::Secret::new).map_err(|_| {
            type_error(format!(
                "secret {index} must be str, bytes, Secret or dict, not {}",
                type_name(value)
            ))
        });
    };
    // A dict without the value is the wrong type; a typo in a key is a bad option.
    let Some(value) = dict.get_item("secret")? else {
        return Err(type_error(format!(
            "secret {index} is a dict without a \"secret\" key"
        )));
    };
    let secret = secret_bytes(&value)?;
    let mut not_after = None;
    for (key, item) in dict.iter() {
        let name: Option<String> = key.extract().ok();
        match name.as_deref() {
            Some("secret") => {}
            Some("not_after") if item.is_none() => {}
            Some("not_after") => not_after = Some(seconds(&item)?),
            _ => {
                return Err(invalid_option(format!(
                    "secret {index} has an unknown key {}: a secrets entry takes \"secret\" and \"not_after\"",
                    key.repr()?
                )))
            }
        }
    }
    let secret = hookseal::Secret::new(secret);
    Ok(match not_after {
        Some(t) => secret.not_after(t),
        None => secret,
    })
}

/// `not_after` as whole unix seconds: an aware `datetime`, an `int`, or a finite `float`.
fn seconds(value: &Bound<'_, PyAny>) -> PyResult<i64> {
    let py = value.py();
    let out_of_range = || invalid_option("not_after is out of range");
    if value.is_instance_of::<PyBool>() {
        // `True` is an int to Python, never a time here.
    } else if value.is_instance_of::<PyInt>() {
        return value.extract::<i64>().map_err(|_| out_of_range());
    } else if value.is_instance_of::<PyFloat>() {
        let t = value.extract::<f64>()?.floor();
        // 2^63 is the first float past i64::MAX; -2^63 is i64::MIN itself.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if !t.is_finite() {
            return Err(invalid_option(
                "not_after must be a finite number of seconds",
            ));
        }
        if !(-LIMIT..LIMIT).contains(&t) {
            return Err(out_of_range());
        }
        return Ok(t as i64);
    } else {
        let (datetime, epoch) = DATETIME.get_or_try_init(py, || {
            let module = py.import("datetime")?;
            let datetime = module.getattr("datetime")?.cast_into::<PyType>()?;
            let utc = module.getattr("timezone")?.getattr("utc")?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("tzinfo", utc)?;
            let epoch = datetime.call((1970, 1, 1), Some(&kwargs))?;
            Ok::<_, PyErr>((datetime.unbind(), epoch.unbind()))
        })?;
        if value.is_instance(datetime.bind(py))? {
            if value.call_method0("utcoffset")?.is_none() {
                return Err(invalid_option(
                    "not_after is a naive datetime: give one with a tzinfo \
                     (datetime(..., tzinfo=timezone.utc)) or unix seconds",
                ));
            }
            // Exact whole seconds: the difference's days and seconds (microseconds are
            // never negative in a timedelta, so this rounds down).
            let delta = value.sub(epoch.bind(py))?;
            let days: i64 = delta.getattr("days")?.extract()?;
            let secs: i64 = delta.getattr("seconds")?.extract()?;
            return days
                .checked_mul(86_400)
                .and_then(|d| d.checked_add(secs))
                .ok_or_else(out_of_range);
        }
    }
    Err(type_error(format!(
        "not_after must be an aware datetime or unix seconds (int or float), not {}",
        type_name(value)
    )))
}

fn invalid_option(message: impl Into<String>) -> PyErr {
    to_py(Error::new(ErrorCode::InvalidOption, message))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}
