//! Signing: the headers a provider would send, for tests and for senders.

use crate::error::NativeError;
use crate::headers::Header;
use crate::options::{from_flat, scheme};

/// The headers to send with `body` (lowercase names, in the order id, timestamp,
/// signature). `timestamp` defaults to now for timestamped schemes.
#[uniffi::export]
pub fn sign(
    scheme_id: String,
    secret: Vec<u8>,
    body: Vec<u8>,
    timestamp: Option<i64>,
    id: Option<String>,
    options: Vec<String>,
) -> Result<Vec<Header>, NativeError> {
    let scheme = scheme(&scheme_id)?;
    let options = from_flat(&options)?;
    let headers = hookseal::Signer::with_options(scheme, secret, &options)?.sign_with_id(
        &body,
        timestamp,
        id.as_deref(),
    )?;
    Ok(headers
        .into_iter()
        .map(|(name, value)| Header { name, value })
        .collect())
}
