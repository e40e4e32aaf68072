//! Signing: the headers a provider would send, for tests and for senders.

use crate::error::to_py;
use crate::options::{from_dict, scheme, secret};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// `sign(scheme, secret, body, timestamp=None, id=None, options=None)`: the headers to
/// send, as `(name, value)` pairs with lowercase names, in the core's order.
#[pyfunction]
#[pyo3(signature = (scheme_id, secret_value, body, timestamp=None, id=None, options=None))]
pub fn sign(
    scheme_id: &Bound<'_, PyAny>,
    secret_value: &Bound<'_, PyAny>,
    body: &Bound<'_, PyBytes>,
    timestamp: Option<i64>,
    id: Option<&str>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Vec<(String, String)>> {
    let scheme = scheme(scheme_id)?;
    let key = secret(secret_value)?;
    let options = from_dict(options)?;
    hookseal::Signer::with_options(scheme, key, &options)
        .and_then(|s| s.sign_with_id(body.as_bytes(), timestamp, id))
        .map_err(to_py)
}
