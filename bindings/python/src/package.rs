//! The package's own Python functions that the native module calls back into, each
//! imported once: what has no fast path here (other header shapes, other body types)
//! keeps one implementation, in Python.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyTuple};

static VALUES_OF: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static AS_BYTES: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static EXPLANATION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn function<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    module: &str,
    name: &str,
) -> PyResult<&'py Bound<'py, PyAny>> {
    Ok(cell
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import(module)?.getattr(name)?.unbind())
        })?
        .bind(py))
}

/// `hookseal._headers.values_of(headers, names)`: the values of `names` in any shape.
pub fn values_of<'py>(
    py: Python<'py>,
    headers: &Bound<'py, PyAny>,
    names: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyTuple>> {
    let values = function(py, &VALUES_OF, "hookseal._headers", "values_of")?;
    Ok(values.call1((headers, names))?.cast_into::<PyTuple>()?)
}

/// `hookseal._body.as_bytes(body)`: any bytes-like body as `bytes`, a `TypeError` else.
pub fn as_bytes<'py>(py: Python<'py>, body: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    let as_bytes = function(py, &AS_BYTES, "hookseal._body", "as_bytes")?;
    Ok(as_bytes.call1((body,))?.cast_into::<PyBytes>()?)
}

/// `hookseal._explain.from_json(text)`: the core's `Explanation::to_json()` as a
/// `hookseal.Explanation`.
pub fn explanation<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let from_json = function(py, &EXPLANATION, "hookseal._explain", "from_json")?;
    from_json.call1((json,))
}
