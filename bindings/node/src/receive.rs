//! The receive contract (`hookseal::receive`): the reply table, the de-duplication
//! decisions and the defaults, handed to JS as the core's JSON. `npm/src/contract.js`
//! parses it once; every helper derives its statuses, bodies and defaults from it.

use napi_derive::napi;

/// `hookseal::receive::CONTRACT_JSON`, as a JSON string.
#[napi]
pub fn receive_contract() -> String {
    hookseal::receive::CONTRACT_JSON.to_owned()
}
