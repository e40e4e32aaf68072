//! The scheme table (`hookseal::SCHEMES`), handed to JS as the core's JSON. The text is
//! written by `build.rs` from `hookseal::schemes_json()` when the engine is built, so
//! the `.wasm` holds its bytes and none of the JSON serializer that makes them.

use wasm_bindgen::prelude::*;

const SCHEMES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/schemes.json"));

/// `hookseal::schemes_json()`: one row per scheme, in `Scheme::ALL` order.
///
/// ```js
/// JSON.parse(schemesTable())[0].id; // "saleslab"
/// ```
#[wasm_bindgen(js_name = schemesTable)]
pub fn schemes_table() -> String {
    SCHEMES_JSON.to_owned()
}
