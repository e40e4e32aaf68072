//! Header values as the JavaScript layer passes them: one entry per name of
//! `headerNames()`, in that order, `undefined`/`null` when the request lacks it. Only
//! these few values cross into wasm, never a whole header map.

use crate::error::type_error;
use js_sys::Array;
use wasm_bindgen::JsValue;

/// `(name, value)` pairs for the core, skipping absent values.
pub(crate) fn pairs(names: &[String], values: &Array) -> Result<Vec<(String, String)>, JsValue> {
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let value = values.get(i as u32);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        match value.as_string() {
            Some(v) => out.push((name.clone(), v)),
            None => return Err(type_error("header values must be strings")),
        }
    }
    Ok(out)
}
