//! The verified delivery as Python sees it, with its envelope read on first use.

use crate::headers::{items, pairs, pairs_of};
use crate::package;
use crate::pick::pick;
use crate::verify::Verifier;
use hookseal::Envelope;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyTuple};

/// The header values of a verified delivery, for its envelope.
pub enum Source {
    /// The header object itself (a shape that can be read again): the envelope's
    /// headers are looked up in it only when the envelope is asked for.
    Headers(Py<PyAny>),
    /// The values of every `header_names()`, taken at verification.
    Values(Py<PyTuple>),
}

/// A delivery that passed verification.
///
/// `scheme`, `timestamp` (signed unix seconds, or None), `secret_index` (which secret
/// matched) and `body` (the raw bytes) are set by `verify`. `kind`, `event_id`,
/// `event_id_signed`, `tenant` and `idempotency_key` are read from the signed body the
/// first time one of them is asked for, so a handler that needs only the body never pays
/// for JSON parsing. `json()` parses the body with the standard `json` module, once.
#[pyclass(frozen, module = "hookseal._native")]
pub struct Verified {
    verifier: Py<Verifier>,
    scheme: &'static str,
    timestamp: Option<u64>,
    secret_index: usize,
    body: Py<PyBytes>,
    /// Where the envelope's header values come from.
    headers: Source,
    envelope: PyOnceLock<Envelope>,
    json: PyOnceLock<Py<PyAny>>,
}

impl Verified {
    pub fn new(
        verifier: Py<Verifier>,
        scheme: &'static str,
        timestamp: Option<u64>,
        secret_index: usize,
        body: Py<PyBytes>,
        headers: Source,
    ) -> Verified {
        Verified {
            verifier,
            scheme,
            timestamp,
            secret_index,
            body,
            headers,
            envelope: PyOnceLock::new(),
            json: PyOnceLock::new(),
        }
    }

    fn envelope(&self, py: Python<'_>) -> PyResult<&Envelope> {
        self.envelope.get_or_try_init(py, || {
            let verifier = self.verifier.get();
            let body = self.body.bind(py).as_bytes();
            let values = match &self.headers {
                Source::Headers(h) => {
                    let h = h.bind(py);
                    // Natively, as `verify` read its names; the package decides otherwise.
                    if let Some(found) = pick(h, &verifier.envelope_names)? {
                        return Ok(verifier.inner.envelope(&pairs_of(&found)?, body));
                    }
                    package::values_of(py, h, verifier.all_names.bind(py))?
                }
                Source::Values(v) => v.bind(py).clone(),
            };
            let items = items(&values);
            let pairs = pairs(verifier.inner.header_names(), &items)?;
            Ok(verifier.inner.envelope(&pairs, body))
        })
    }
}

#[pymethods]
impl Verified {
    /// The scheme id that verified the delivery.
    #[getter]
    fn scheme(&self) -> &'static str {
        self.scheme
    }

    /// The signed timestamp (unix seconds), for timestamped schemes; else None.
    #[getter]
    fn timestamp(&self) -> Option<u64> {
        self.timestamp
    }

    /// Which configured secret matched (0 for the first).
    #[getter]
    fn secret_index(&self) -> usize {
        self.secret_index
    }

    /// The raw body, as verified.
    #[getter]
    fn body(&self, py: Python<'_>) -> Py<PyBytes> {
        self.body.clone_ref(py)
    }

    /// The event kind (`deal.won`, `badge.awarded`, …), or None.
    #[getter]
    fn kind(&self, py: Python<'_>) -> PyResult<Option<String>> {
        Ok(self.envelope(py)?.kind.clone())
    }

    /// The provider's event or delivery id, or None.
    #[getter]
    fn event_id(&self, py: Python<'_>) -> PyResult<Option<String>> {
        Ok(self.envelope(py)?.event_id.clone())
    }

    /// Whether `event_id` was covered by the signature (not an unsigned header).
    #[getter]
    fn event_id_signed(&self, py: Python<'_>) -> PyResult<bool> {
        Ok(self.envelope(py)?.event_id_signed)
    }

    /// The provider's tenant (company, account) id, or None.
    #[getter]
    fn tenant(&self, py: Python<'_>) -> PyResult<Option<String>> {
        Ok(self.envelope(py)?.tenant.clone())
    }

    /// The signed event id, else the hex SHA-256 of the body: de-duplicate on this.
    #[getter]
    fn idempotency_key(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.envelope(py)?.idempotency_key.clone())
    }

    /// Whether the envelope has been read yet (it is read on first use).
    #[getter]
    fn envelope_read(&self, py: Python<'_>) -> bool {
        self.envelope.get(py).is_some()
    }

    /// The body parsed with the standard `json` module (parsed once, then kept).
    fn json(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.json
            .get_or_try_init(py, || {
                let loads = py.import("json")?.getattr("loads")?;
                Ok::<_, PyErr>(loads.call1((self.body.bind(py),))?.unbind())
            })
            .map(|v| v.clone_ref(py))
    }

    /// Shows the size of the body, not the body.
    fn __repr__(&self, py: Python<'_>) -> String {
        let ts = self
            .timestamp
            .map_or_else(|| "None".to_owned(), |t| t.to_string());
        format!(
            "Verified(scheme='{}', timestamp={ts}, secret_index={}, body=<{} bytes>)",
            self.scheme,
            self.secret_index,
            self.body.bind(py).as_bytes().len()
        )
    }
}
