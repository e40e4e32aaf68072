//! The Node.js native addon of hookseal: a thin napi-rs layer over the `hookseal` core.
//!
//! It only translates: JS values in, core calls, JS values (or a thrown `Error` with a
//! snake_case `code`) out. Every rule about a scheme lives in the core. The JS API users
//! see (`Verifier`, `sign`, `detect`, `HooksealError`, the lazy `Verified`) is in
//! `npm/src/`, which wraps this addon through the interface in `npm/src/engine.d.ts`.
//! Files mirror the core's: `verify.rs`, `sign.rs`, `detect.rs`, `options.rs`, and
//! `error.rs`, the one place errors are mapped; `verify_call.rs` is the hot path,
//! a raw Node-API function.

#![deny(clippy::all)]

mod detect;
mod error;
mod options;
mod sign;
mod verify;
mod verify_call;
