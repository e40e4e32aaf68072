//! The plain objects `verify` and `envelope` return, shaped on the JavaScript side in one
//! call: setting properties one by one from Rust costs a crossing each, and building the
//! object in JS gives every result the same hidden class.

use js_sys::Object;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function verified(timestamp, secretIndex) {
  return { timestamp: Number.isNaN(timestamp) ? null : timestamp, secretIndex };
}
export function envelope(kind, eventId, eventIdSigned, tenant, idempotencyKey) {
  return { kind: kind ?? null, eventId: eventId ?? null, eventIdSigned, tenant: tenant ?? null, idempotencyKey };
}
"#)]
extern "C" {
    /// `{ timestamp, secretIndex }`; a NaN timestamp is `null` (no timestamp signed).
    pub(crate) fn verified(timestamp: f64, secret_index: u32) -> Object;

    /// `{ kind, eventId, eventIdSigned, tenant, idempotencyKey }`, absent fields `null`.
    pub(crate) fn envelope(
        kind: Option<String>,
        event_id: Option<String>,
        event_id_signed: bool,
        tenant: Option<String>,
        idempotency_key: String,
    ) -> Object;
}
