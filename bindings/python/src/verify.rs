//! The native verifier: one core `Verifier`, built once, shared by every thread.

use crate::envelope::Verified;
use crate::error::{to_py, type_error};
use crate::headers::{items, pairs};
use crate::options::{from_dict, scheme, secret};
use hookseal::Tolerance;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

/// Bodies at least this long are verified with the interpreter released, so other
/// threads run meanwhile; below it, releasing costs more than the HMAC.
const DETACH_AT: usize = 16 * 1024;

/// A verifier for one scheme and its secrets. Use `hookseal.Verifier`, which wraps it.
#[pyclass(frozen, module = "hookseal._native")]
pub struct Verifier {
    pub(crate) inner: hookseal::Verifier,
}

#[pymethods]
impl Verifier {
    /// `Verifier(scheme, secrets, options=None)`: `secrets` a list or tuple of str/bytes,
    /// `options` a dict of the snake_case options of docs/api.md.
    #[new]
    #[pyo3(signature = (scheme_id, secrets, options=None))]
    fn new(
        scheme_id: &Bound<'_, PyAny>,
        secrets: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Verifier> {
        let scheme = scheme(scheme_id)?;
        // A lone str is a sequence of characters: never treat it as a list of secrets.
        let list: Vec<Bound<'_, PyAny>> = if let Ok(l) = secrets.cast::<PyList>() {
            l.iter().collect()
        } else if let Ok(t) = secrets.cast::<PyTuple>() {
            t.iter().collect()
        } else {
            return Err(type_error(format!(
                "secrets must be a list or tuple of str or bytes, not {}",
                secrets.get_type().name()?
            )));
        };
        let secrets = list.iter().map(secret).collect::<PyResult<Vec<_>>>()?;
        let options = from_dict(options)?;
        hookseal::Verifier::with_options(scheme, &secrets, &options)
            .map(|inner| Verifier { inner })
            .map_err(to_py)
    }

    /// The scheme id.
    #[getter]
    fn scheme(&self) -> &'static str {
        self.inner.scheme().as_str()
    }

    /// The largest body accepted, in bytes.
    #[getter]
    fn max_body(&self) -> usize {
        self.inner.max_body()
    }

    /// The tolerance in seconds, or `"off"` (also for schemes that sign no timestamp).
    #[getter]
    fn tolerance(&self, py: Python<'_>) -> Py<PyAny> {
        match self.inner.tolerance() {
            Tolerance::Seconds(s) => s.into_pyobject(py).map(|v| v.into_any().unbind()),
            Tolerance::Off => Ok(PyString::new(py, "off").into_any().unbind()),
        }
        .unwrap_or_else(|e: std::convert::Infallible| match e {})
    }

    /// The lowercase names of the only headers this verifier reads, signature first.
    fn header_names(&self) -> Vec<String> {
        self.inner.header_names().to_vec()
    }

    /// Verifies `body` given the values of `header_names()` (same order; `None` when
    /// absent), at `now` (unix seconds) or the system clock. Returns a `Verified`.
    #[pyo3(signature = (body, values, now=None))]
    fn verify(
        slf: &Bound<'_, Self>,
        body: &Bound<'_, PyBytes>,
        values: &Bound<'_, PyTuple>,
        now: Option<i64>,
    ) -> PyResult<Verified> {
        let py = slf.py();
        let inner = &slf.get().inner;
        let items = items(values);
        let pairs = pairs(inner.header_names(), &items)?;
        let bytes = body.as_bytes();
        let run = || {
            match now {
                Some(now) => inner.verify_at(&pairs, bytes, now),
                None => inner.verify(&pairs, bytes),
            }
            .map(|v| (v.timestamp, v.secret_index))
        };
        let (timestamp, index) = if bytes.len() >= DETACH_AT {
            py.detach(run)
        } else {
            run()
        }
        .map_err(to_py)?;
        Ok(Verified::new(
            slf.clone().unbind(),
            inner.scheme().as_str(),
            timestamp,
            index,
            body.clone().unbind(),
            values.clone().unbind(),
        ))
    }

    /// Never shows a secret: the core's `Debug` redacts them.
    fn __repr__(&self) -> String {
        format!("{:?}", self.inner)
    }
}
