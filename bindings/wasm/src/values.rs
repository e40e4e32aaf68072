//! Header values as the JavaScript layer passes them: one entry per name of
//! `headerNames()`, in that order, `null` (or `undefined`) when the request lacks it.
//! Only these few values cross into wasm, never a whole header map.

use crate::error::type_error;
use js_sys::Array;
use wasm_bindgen::JsValue;

/// `(name, wire bytes)` pairs for the core, skipping absent values.
pub(crate) fn pairs(
    names: &[String],
    values: Vec<JsValue>,
) -> Result<Vec<(&str, Vec<u8>)>, JsValue> {
    let mut out = Vec::with_capacity(names.len());
    for (name, value) in names.iter().zip(values) {
        // One crossing for a present value; absent ones are rare and pay a second.
        match value.as_string() {
            Some(v) => out.push((name.as_str(), wire_bytes(v))),
            None if value.is_null() || value.is_undefined() => {}
            None => return Err(type_error("header values must be strings or null")),
        }
    }
    Ok(out)
}

/// Every `[name, value]` pair of `pairs` (a whole request's headers, for `explain`, off
/// the hot path), values as wire bytes; entries of another shape are skipped.
pub(crate) fn all_pairs(pairs: Array) -> Vec<(String, Vec<u8>)> {
    pairs
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((
                pair.get(0).as_string()?,
                wire_bytes(pair.get(1).as_string()?),
            ))
        })
        .collect()
}

/// The bytes that were on the wire: the core's rule, [`hookseal::wire_bytes`].
fn wire_bytes(text: String) -> Vec<u8> {
    match hookseal::wire_bytes(&text) {
        std::borrow::Cow::Owned(bytes) => bytes,
        std::borrow::Cow::Borrowed(_) => text.into_bytes(),
    }
}
