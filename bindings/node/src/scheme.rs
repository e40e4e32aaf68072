//! The scheme table (`hookseal::SCHEMES`), handed to JS as the core's JSON: the type
//! declarations' `Scheme` union is generated from it (`npm/scripts/types.mjs`).

use napi_derive::napi;

/// `hookseal::SCHEMES_JSON`: one row per scheme, in `Scheme::ALL` order.
#[napi]
pub fn schemes_table() -> String {
    hookseal::SCHEMES_JSON.to_owned()
}
