//! `hookseal.Verifier`: one core `Verifier`, built once, shared by every thread, whose
//! `verify` is one native call — body, header lookup and verification — with no Python
//! frame on the way for the header shapes servers hand over (`pick`).

use crate::envelope::{Source, Verified};
use crate::error::to_py;
use crate::explain::Lookup;
use crate::headers::{items, pairs, pairs_of, Pairs};
use crate::options::{from_dict, scheme};
use crate::package;
use crate::pick::{pick, Name};
use crate::secret as secrets;
use hookseal::Tolerance;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString, PyTuple};

/// Bodies at least this long are verified with the interpreter released, so other
/// threads run meanwhile; below it, releasing costs more than the HMAC.
const DETACH_AT: usize = 16 * 1024;

/// A verifier for one scheme and its secrets (`hookseal.Verifier`).
#[pyclass(frozen, module = "hookseal._native")]
pub struct Verifier {
    pub(crate) inner: hookseal::Verifier,
    /// The names verification reads (the first `verify_header_count`), as `pick` wants them.
    verify_names: Vec<Name>,
    /// Every name, as `pick` wants them: the envelope reads them from the same object.
    pub(crate) envelope_names: Vec<Name>,
    /// Every name, as a tuple for the package's `values_of`.
    pub(crate) all_names: Py<PyTuple>,
    secrets: usize,
}

#[pymethods]
impl Verifier {
    /// `Verifier(scheme, secrets, **options)`: `secrets` a list or tuple of str, bytes,
    /// `Secret` or `{"secret": ..., "not_after": ...}` entries (`secret.rs`), the options by their snake_case names of docs/api.md (`None` is the default).
    #[new]
    #[pyo3(signature = (scheme, secrets, **options))]
    fn new(
        py: Python<'_>,
        scheme: &Bound<'_, PyAny>,
        secrets: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Verifier> {
        let scheme = self::scheme(scheme)?;
        let secrets = secrets::secrets(secrets)?;
        let options = from_dict(options)?;
        let inner = hookseal::Verifier::with_secrets(scheme, &secrets, &options).map_err(to_py)?;
        let names = inner.header_names();
        let verify_names = &names[..inner.verify_header_count()];
        Ok(Verifier {
            all_names: PyTuple::new(py, names)?.unbind(),
            verify_names: verify_names.iter().map(|n| Name::new(py, n)).collect(),
            envelope_names: names.iter().map(|n| Name::new(py, n)).collect(),
            secrets: secrets.len(),
            inner,
        })
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
    fn header_names(&self, py: Python<'_>) -> Py<PyTuple> {
        self.all_names.clone_ref(py)
    }

    /// Verifies `body` (the raw request bytes) with `headers` (a dict, a framework's
    /// headers object, or `(name, value)` pairs) at `now` (unix seconds; default the
    /// system clock). Returns a `Verified`; raises a `VerificationError` subclass when the
    /// delivery is rejected, `TypeError` for wrong argument types.
    #[pyo3(signature = (body, headers, now=None))]
    fn verify<'py>(
        slf: &Bound<'py, Self>,
        body: &Bound<'py, PyAny>,
        headers: &Bound<'py, PyAny>,
        now: Option<i64>,
    ) -> PyResult<Verified> {
        let py = slf.py();
        let this = slf.get();
        let inner = &this.inner;
        let body = match body.cast_exact::<PyBytes>() {
            Ok(b) => b.clone(),
            Err(_) => package::as_bytes(py, body)?,
        };
        // The shapes servers hand over, natively, the envelope's names read later from
        // the same object. Anything else through the package, every name at once: an
        // iterator of pairs cannot be read twice.
        let found = pick(headers, &this.verify_names)?;
        let fallback;
        let fallback_items;
        let (pairs, source): (Pairs<'_>, Source) = match &found {
            Some(found) => (pairs_of(found)?, Source::Headers(headers.clone().unbind())),
            None => {
                fallback = package::values_of(py, headers, this.all_names.bind(py))?;
                fallback_items = items(&fallback);
                let n = this.verify_names.len();
                let pairs = pairs(&inner.header_names()[..n], &fallback_items[..n])?;
                (pairs, Source::Values(fallback.clone().unbind()))
            }
        };
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
            body.unbind(),
            source,
        ))
    }

    /// Verifies as `verify` does and, when the delivery is rejected, names the likely
    /// causes (the core's `Verifier::explain_at`; finding codes in docs/explain.md): a
    /// `hookseal.Explanation`. Never raises for a rejected delivery; `TypeError` for wrong
    /// argument types. For development only: an explanation tells a sender more than
    /// "rejected" (SECURITY.md, "Diagnosis and signing oracles"). The arguments come in
    /// `verify`'s order; the headers first and the bytes second is a `TypeError` that
    /// says so.
    #[pyo3(signature = (body, headers, now=None))]
    fn explain<'py>(
        slf: &Bound<'py, Self>,
        body: &Bound<'py, PyAny>,
        headers: &Bound<'py, PyAny>,
        now: Option<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let inner = &slf.get().inner;
        let body = match body.cast_exact::<PyBytes>() {
            Ok(b) => b.clone(),
            Err(_) if headers_first(body, headers) => {
                return Err(PyTypeError::new_err(
                    "explain(body, headers) takes the body first, as verify does: the first \
                     argument looks like the headers and the second like the body",
                ));
            }
            Err(_) => package::as_bytes(py, body)?,
        };
        let lookup = Lookup::new(headers)?;
        let explanation = match now {
            Some(now) => inner.explain_at(&lookup, body.as_bytes(), now),
            None => inner.explain(&lookup, body.as_bytes()),
        };
        lookup.finish()?;
        package::explanation(py, &explanation.to_json())
    }

    /// Never a secret: only how many there are.
    fn __repr__(&self) -> String {
        let tolerance = match self.inner.tolerance() {
            Tolerance::Seconds(s) => s.to_string(),
            Tolerance::Off => "'off'".to_owned(),
        };
        format!(
            "Verifier('{}', secrets=[{} redacted], tolerance={tolerance}, max_body={})",
            self.inner.scheme(),
            self.secrets,
            self.inner.max_body()
        )
    }
}

/// Whether `explain` was called as `explain(headers, body)`: something that is not a body
/// (not bytes, not a `str`, not `None`) first, and a body (bytes or a `str`) second.
fn headers_first(first: &Bound<'_, PyAny>, second: &Bound<'_, PyAny>) -> bool {
    let body_like = |v: &Bound<'_, PyAny>| {
        v.is_instance_of::<PyBytes>()
            || v.is_instance_of::<PyByteArray>()
            || v.is_instance_of::<PyMemoryView>()
            || v.is_instance_of::<PyString>()
    };
    !first.is_none() && !body_like(first) && body_like(second)
}
