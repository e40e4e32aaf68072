//! The scheme table (`hookseal::SCHEMES`), handed to JS as the core's JSON: the type
//! declarations' `Scheme` union is generated from it (`npm/scripts/types.mjs`).

use napi_derive::napi;

/// `hookseal::schemes_json()`: one row per scheme, in `Scheme::ALL` order.
#[napi]
pub fn schemes_table() -> String {
    hookseal::schemes_json()
}
