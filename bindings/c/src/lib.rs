//! # hookseal-c
//!
//! The C ABI of hookseal, for C callers and for the Go module (through cgo). It only
//! translates: bytes in as `(ptr, len)`, a numbered [`HooksealStatus`] out, the error
//! message returned by the call itself (never a thread-local "last error": a goroutine
//! may change OS thread between two calls). Every entry point runs inside one landing
//! pad (`landing.rs`) that checks pointers and catches panics.
//!
//! The header `include/hookseal.h` is generated from this crate by cbindgen and
//! committed; `tests/vectors.c` runs every shared vector through it under valgrind.
//!
//! The hot path crosses once: the caller asks the verifier which headers it reads
//! (`hookseal_verifier_header_name_count` / `_name`, at most `HOOKSEAL_MAX_HEADER_NAMES`),
//! extracts only those values from its own header object, and passes them with the body
//! to `hookseal_verify`. The envelope is
//! read later, only if wanted (`hookseal_envelope`), so verifying never parses JSON.
//!
//! What a receiver answers around `verify` (statuses, `Retry-After`, the de-duplication
//! decisions and defaults) is the core's receive contract, handed over as JSON by
//! `hookseal_receive_contract`; the scheme table is `hookseal_schemes_json`.
//!
//! Built for `wasm32-unknown-unknown` (the Go module's engine without cgo), the crate
//! also exports `wasm.rs`: an allocator for the host and by-pointer forms of the
//! functions that pass structs by value.

mod detect;
mod error;
mod landing;
mod options;
mod receive;
mod scheme;
mod sign;
mod status;
mod types;
mod verifier;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use detect::hookseal_detect;
pub use error::HooksealStatus;
pub use options::HOOKSEAL_MAX_HEADER_NAMES;
pub use receive::{
    hookseal_claim_key, hookseal_receive_contract, hookseal_string_free, hookseal_tenant_claim_key,
};
pub use scheme::hookseal_schemes_json;
pub use sign::{hookseal_header_list_free, hookseal_sign};
pub use status::{
    hookseal_error_free, hookseal_status_code, hookseal_status_http, hookseal_version,
};
pub use types::{
    HooksealBytes, HooksealEnvelope, HooksealHeader, HooksealHeaderList, HooksealHeaderOut,
    HooksealOption, HooksealSecret, HooksealString, HooksealVerified,
};
pub use verifier::{
    hookseal_envelope, hookseal_envelope_free, hookseal_explain, hookseal_verifier_free,
    hookseal_verifier_header_name, hookseal_verifier_header_name_count, hookseal_verifier_max_body,
    hookseal_verifier_new, hookseal_verifier_new_secrets, hookseal_verify, hookseal_verify_at,
    hookseal_verify_values, HooksealVerifier,
};
