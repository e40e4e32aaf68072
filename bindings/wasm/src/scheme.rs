//! The scheme table (`hookseal::SCHEMES`), handed to JS as the core's committed JSON
//! (`hookseal::SCHEMES_JSON`), so the `.wasm` holds its bytes and none of the JSON
//! serializer that makes them.

use wasm_bindgen::prelude::*;

/// `hookseal::SCHEMES_JSON`: one row per scheme, in `Scheme::ALL` order.
///
/// ```js
/// JSON.parse(schemesTable())[0].id; // "saleslab"
/// ```
#[wasm_bindgen(js_name = schemesTable)]
pub fn schemes_table() -> String {
    hookseal::SCHEMES_JSON.to_owned()
}
