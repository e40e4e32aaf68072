//! `sign`: the headers a provider would send, as `[name, value]` pairs.

use crate::error::{guard, to_js, Result};
use crate::options::to_core;
use hookseal::{Scheme, Signer};
use napi_derive::napi;

/// `Signer::with_options(..).sign_with_id(body, timestamp, id)`: lowercase names, in the
/// order id, timestamp, signature.
#[napi]
pub fn sign(
    scheme: String,
    secret: String,
    body: &[u8],
    timestamp: Option<f64>,
    id: Option<String>,
    options: Option<Vec<String>>,
) -> Result<Vec<Vec<String>>> {
    guard(|| {
        let scheme: Scheme = scheme.parse().map_err(to_js)?;
        let signer = Signer::with_options(scheme, &secret, &to_core(options)?).map_err(to_js)?;
        let headers = signer
            .sign_with_id(body, timestamp.map(|t| t as i64), id.as_deref())
            .map_err(to_js)?;
        Ok(headers.into_iter().map(|(n, v)| vec![n, v]).collect())
    })
}
