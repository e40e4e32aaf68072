//! Guessing the scheme from a request's headers.

use js_sys::Array;
use wasm_bindgen::prelude::*;

/// The scheme id whose signature header is present and non-empty among `pairs`
/// (`[name, value]`, names in any case), or `null`.
///
/// ```js
/// detect([["Stripe-Signature", "t=1,v1=00"]]); // "stripe"
/// detect([["content-type", "application/json"]]); // null
/// ```
#[wasm_bindgen]
pub fn detect(pairs: Array) -> JsValue {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    match hookseal::detect(&pairs) {
        Some(scheme) => scheme.as_str().into(),
        None => JsValue::NULL,
    }
}
