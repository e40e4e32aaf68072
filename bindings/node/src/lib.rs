//! The Node.js native addon of hookseal: a thin napi-rs layer over the `hookseal` core.
//!
//! It only translates: JS values in, core calls, JS values (or a thrown `Error` with a
//! snake_case `code`) out. Every rule about a scheme lives in the core. The JS API users
//! see (`Verifier`, `sign`, `detect`, `HooksealError`, the lazy `Verified`) is in
//! `npm/src/`, which wraps this addon through the interface in `npm/src/engine.d.ts`.
//! Files mirror the core's: `verify.rs`, `sign.rs`, `detect.rs`, `options.rs`, and
//! `error.rs`, the one place errors are mapped; `receive.rs` and `scheme.rs` hand over
//! the core's receive contract and scheme table; `bound.rs` is the hot path:
//! `verify` and `envelope` as raw Node-API functions bound to a verifier.

#![deny(clippy::all)]

mod bound;
mod detect;
mod error;
mod options;
mod receive;
mod scheme;
mod sign;
mod verify;
