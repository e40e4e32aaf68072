//! Header values as the JavaScript layer passes them: one entry per name of
//! `headerNames()`, in that order, `null` (or `undefined`) when the request lacks it.
//! Only these few values cross into wasm, never a whole header map.

use crate::error::type_error;
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

/// The bytes that were on the wire. HTTP stacks (Node, workerd, Deno) decode header
/// bytes as latin-1, one character per byte, so text whose characters are all U+00FF or
/// below goes back to those bytes: a token with a byte above 0x7F then verifies as it
/// does in Go and Rust. Text with a character above U+00FF cannot have come off the wire
/// (only a caller's own string holds one): it is sent as its UTF-8.
fn wire_bytes(text: String) -> Vec<u8> {
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xFF) {
        return text.into_bytes();
    }
    // Every character is U+00FF or below here: `as u8` is exact.
    text.chars().map(|c| c as u8).collect()
}
