//! Signing: the headers a provider would send.

use crate::error::to_js;
use crate::options;
use hookseal::{Scheme, Signer};
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// Signs `body` for `scheme` with `secret`; returns `[name, value]` pairs with lowercase
/// names, in the order id, timestamp, signature. `timestamp` (unix seconds) defaults to
/// now for timestamped schemes; `id` is the message id of schemes that sign one.
///
/// ```js
/// sign("salesbooth", "whsec_test", new TextEncoder().encode("{}"), 1700000000, undefined, []);
/// // [["x-salesbooth-timestamp", "1700000000"], ["x-salesbooth-signature", "v1=…"]]
/// ```
#[wasm_bindgen]
pub fn sign(
    scheme: &str,
    secret: &str,
    body: &[u8],
    timestamp: Option<f64>,
    id: Option<String>,
    options: Option<Vec<String>>,
) -> Result<Array, JsValue> {
    let scheme: Scheme = scheme.parse().map_err(to_js)?;
    let options = options::from_js(options)?;
    let signer = Signer::with_options(scheme, secret, &options).map_err(to_js)?;
    // wasm32-unknown-unknown has no clock of its own: read JavaScript's.
    let ts = timestamp.unwrap_or_else(|| (js_sys::Date::now() / 1000.0).floor());
    let headers = signer
        .sign_with_id(body, Some(ts as i64), id.as_deref())
        .map_err(to_js)?;
    Ok(headers
        .into_iter()
        .map(|(name, value)| Array::of2(&name.into(), &value.into()))
        .collect())
}
