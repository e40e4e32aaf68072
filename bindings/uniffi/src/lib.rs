//! `libhookseal_uniffi`: the core (`hookseal`) through UniFFI, for the JVM package
//! (`jvm/`, `io.hookseal:hookseal`), whose Kotlin is generated from this crate by
//! uniffi's own generator (`src/bin/uniffi-bindgen.rs`).
//!
//! This crate only translates, like every binding: one file mirrors one core module, and
//! `error.rs` is the one place core errors cross. The shapes are the cheapest UniFFI has:
//! bytes and strings in, flat records out, and no callback into the JVM.

mod detect;
mod envelope;
mod error;
mod headers;
mod options;
mod receive;
mod secret;
mod sign;
mod verify;

pub use detect::{detect, detect_headers};
pub use envelope::Envelope;
pub use error::{error_codes, ErrorCodeRow, NativeError};
pub use headers::Header;
pub use receive::{
    claim_key, duplicate_body, receive_contract_json, rejection_body, tenant_claim_key,
};
pub use secret::SecretEntry;
pub use sign::sign;
pub use verify::{NativeVerifier, Verification};

uniffi::setup_scaffolding!();

/// The core's version.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The core's scheme table as JSON (`hookseal::SCHEMES_JSON`, committed and drift-tested).
#[uniffi::export]
pub fn schemes_json() -> String {
    hookseal::SCHEMES_JSON.to_owned()
}

/// The scheme ids, in the core's order.
#[uniffi::export]
pub fn scheme_ids() -> Vec<String> {
    hookseal::Scheme::ALL
        .iter()
        .map(|s| s.as_str().to_owned())
        .collect()
}

/// The option names (`hookseal::OPTION_NAMES`), snake_case, as `Options::set` takes them.
#[uniffi::export]
pub fn option_names() -> Vec<String> {
    hookseal::OPTION_NAMES
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// The default `max_body`, in bytes.
#[uniffi::export]
pub fn default_max_body() -> u64 {
    hookseal::DEFAULT_MAX_BODY as u64
}

/// The default tolerance, in seconds.
#[uniffi::export]
pub fn default_tolerance() -> u64 {
    hookseal::DEFAULT_TOLERANCE
}

/// The most header names a verifier reads.
#[uniffi::export]
pub fn max_header_names() -> u32 {
    hookseal::MAX_HEADER_NAMES as u32
}
