//! The verifier: a core `Verifier` built once, held by JS as an opaque `External`.
//! `npm/binding.cjs` wraps these functions into the `Verifier` class of the engine
//! interface (`npm/src/engine.d.ts`). `verify` and `envelope` themselves are not here:
//! they are raw Node-API functions bound to the verifier (`bound.rs`), the hot path.

use crate::bound;
use crate::error::{guard, to_js, Result};
use crate::options::to_core;
use hookseal::{Scheme, Verifier};
use napi::bindgen_prelude::{Either, External, ToNapiValue, Uint8Array};
use napi::{sys, Env};
use napi_derive::napi;
use std::sync::Arc;

/// What JS holds: shared with the `verify` and `envelope` functions bound to it.
type Handle = External<Arc<Verifier>>;

/// `Verifier::with_options`; throws `unknown_scheme`, `invalid_secret`, `invalid_option`.
/// A secret is a string (its UTF-8) or a Uint8Array (its bytes: a token that is not UTF-8).
#[napi(ts_return_type = "ExternalObject<'Verifier'>")]
pub fn verifier_new(
    scheme: String,
    secrets: Vec<Either<String, Uint8Array>>,
    options: Option<Vec<String>>,
) -> Result<Handle> {
    guard(|| {
        let scheme: Scheme = scheme.parse().map_err(to_js)?;
        let secrets: Vec<&[u8]> = secrets
            .iter()
            .map(|s| match s {
                Either::A(text) => text.as_bytes(),
                Either::B(bytes) => bytes,
            })
            .collect();
        let v = Verifier::with_options(scheme, &secrets, &to_core(options)?).map_err(to_js)?;
        Ok(External::new(Arc::new(v)))
    })
}

/// The lowercase names of the headers this verifier reads, signature header first.
#[napi]
pub fn verifier_header_names(verifier: &Handle) -> Vec<String> {
    verifier.header_names().to_vec()
}

/// The largest body this verifier accepts, in bytes (`Verifier::max_body`).
#[napi]
pub fn verifier_max_body(verifier: &Handle) -> f64 {
    verifier.max_body() as f64
}

/// How many of the header names `verify` reads (`Verifier::verify_header_count`).
#[napi]
pub fn verifier_verify_header_count(verifier: &Handle) -> u32 {
    verifier.verify_header_count() as u32
}

/// A JS function `verify(body, now, out, ...values)` bound to this verifier (see
/// `bound.rs`).
#[napi(
    ts_return_type = "(body: Uint8Array, now: number | undefined, out: Float64Array, ...values: (string | null)[]) => void"
)]
pub fn verifier_verify_function(env: Env, verifier: &Handle) -> napi::Result<RawValue> {
    bound::verify_function(env.raw(), Arc::clone(verifier)).map(RawValue)
}

/// A JS function `envelope(body, out, ...values)` bound to this verifier, returning the
/// envelope's text fields as one string (see `bound.rs`).
#[napi(
    ts_return_type = "(body: Uint8Array, out: Float64Array, ...values: (string | null)[]) => string"
)]
pub fn verifier_envelope_function(env: Env, verifier: &Handle) -> napi::Result<RawValue> {
    bound::envelope_function(env.raw(), Arc::clone(verifier)).map(RawValue)
}

/// A JS value made with Node-API directly, returned as it is.
pub struct RawValue(sys::napi_value);

impl ToNapiValue for RawValue {
    unsafe fn to_napi_value(_env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        Ok(val.0)
    }
}
