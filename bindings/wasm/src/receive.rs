//! The receive contract (`hookseal::receive`): the reply table, the de-duplication
//! decisions and the defaults, handed to JS as the core's JSON. `npm/src/contract.js`
//! parses it once; every helper derives its statuses, bodies and defaults from it.

use wasm_bindgen::prelude::*;

/// `hookseal::receive::CONTRACT_JSON`, as a JSON string.
///
/// ```js
/// JSON.parse(receiveContract()).replies.delivery_in_progress.status; // 503
/// ```
#[wasm_bindgen(js_name = receiveContract)]
pub fn receive_contract() -> String {
    hookseal::receive::CONTRACT_JSON.to_owned()
}
