//! The one place where core errors become Python exceptions.
//!
//! The exception classes are Python classes (`hookseal.errors`), built from the table
//! [`error_codes`] returns, which is the core's `ErrorCode::ALL`. The package hands the
//! classes back with [`register_errors`] at import, and every core error is raised as the
//! class registered for its code: no message is ever parsed to find the type.

use hookseal::{Error, ErrorCode};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// The classes registered by the package, indexed like `ErrorCode::ALL`.
static CLASSES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();

/// The core's table of error codes, in order: `(code, http_status)` pairs.
#[pyfunction]
pub fn error_codes() -> Vec<(&'static str, u16)> {
    ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str(), c.http_status()))
        .collect()
}

/// Registers the exception class of every code, in the order of [`error_codes`].
/// Called once by `hookseal.errors`; later calls are ignored.
#[pyfunction]
pub fn register_errors(py: Python<'_>, classes: Vec<Bound<'_, PyType>>) -> PyResult<()> {
    if classes.len() != ErrorCode::ALL.len() {
        return Err(PyValueError::new_err(format!(
            "expected {} exception classes, got {}",
            ErrorCode::ALL.len(),
            classes.len()
        )));
    }
    let _ = CLASSES.get_or_init(py, || classes.into_iter().map(Bound::unbind).collect());
    Ok(())
}

/// A core error as the Python exception registered for its code, raised with the core's
/// message (which never contains a secret).
pub fn to_py(err: Error) -> PyErr {
    Python::attach(|py| {
        let index = ErrorCode::ALL.iter().position(|c| *c == err.code());
        match (CLASSES.get(py), index) {
            (Some(classes), Some(i)) => {
                PyErr::from_type(classes[i].bind(py).clone(), err.message().to_owned())
            }
            // Only reachable if the native module is used without the package.
            _ => PyValueError::new_err(err.to_string()),
        }
    })
}

/// A wrong Python type from the caller: the runtime's own `TypeError`, not a hookseal code.
pub fn type_error(message: impl Into<String>) -> PyErr {
    PyTypeError::new_err(message.into())
}
