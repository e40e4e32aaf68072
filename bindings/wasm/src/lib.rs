//! # hookseal-wasm
//!
//! The WebAssembly engine of hookseal: the same core as the native Node addon, compiled
//! for edge runtimes (Cloudflare Workers/workerd, Deno, browsers) and for Node where no
//! native addon exists. It exports the low-level engine interface of `npm/src/engine.d.ts`, as the addon does, so
//! the npm package's JavaScript layer runs unchanged over either:
//!
//! ```js
//! const engine = require("hookseal/wasm/engine.cjs"); // the raw engine, not the public API
//! const body = new TextEncoder().encode('{"delivery_id":"d_1"}');
//! const headers = Object.fromEntries(engine.sign("saleslab", "sl_secret", body, undefined, undefined, []));
//! const verifier = new engine.Verifier("saleslab", ["sl_secret"], []);
//! const values = verifier.headerNames().map((name) => headers[name] ?? null);
//! verifier.verify(body, values, 1700000000); // { timestamp: null, secretIndex: 0 }
//! verifier.envelope(body, values).idempotencyKey; // "d_1"
//! ```
//!
//! This crate only translates between JavaScript values and the core; every rule about a
//! scheme lives in `core/`. `wasm32-unknown-unknown` has no clock, so `now` is read from
//! `Date.now()` on the JavaScript side when the caller gives none.

// The one `unsafe` is the allocator declaration in alloc.rs.
#![deny(unsafe_code)]

#[cfg(target_arch = "wasm32")]
mod alloc;
mod detect;
mod engine;
mod error;
mod options;
mod panic;
mod receive;
mod scheme;
mod shape;
mod sign;
mod values;

pub use detect::detect;
pub use engine::Engine;
pub use options::max_header_names;
pub use receive::receive_contract;
pub use scheme::schemes_table;
pub use sign::sign;
