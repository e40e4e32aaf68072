//! The verifier: a core `Verifier` built once, held by JS as an opaque `External`.
//! `npm/binding.cjs` wraps these functions into the `Verifier` class of the engine
//! interface (`npm/src/engine.d.ts`). `verify` and `envelope` themselves are not here:
//! they are raw Node-API functions bound to the verifier (`bound.rs`), the hot path.

use crate::bound;
use crate::error::{guard, to_js, Result};
use crate::options::to_core;
use hookseal::{Scheme, Secret, Verifier};
use napi::bindgen_prelude::{Either, External, Float64Array, ToNapiValue, Uint8Array};
use napi::{sys, Env};
use napi_derive::napi;
use std::borrow::Cow;
use std::sync::Arc;

/// What JS holds: shared with the `verify` and `envelope` functions bound to it.
type Handle = External<Arc<Verifier>>;

/// `Verifier::with_secrets`; throws `unknown_scheme`, `invalid_secret`, `invalid_option`.
/// A secret is a string (its UTF-8) or a Uint8Array (its bytes: a token that is not UTF-8);
/// `not_after[i]`, when given and not NaN, is secret `i`'s last valid unix second.
#[napi(ts_return_type = "ExternalObject<'Verifier'>")]
pub fn verifier_new(
    scheme: String,
    secrets: Vec<Either<String, Uint8Array>>,
    options: Option<Vec<String>>,
    not_after: Option<Float64Array>,
) -> Result<Handle> {
    guard(|| {
        let scheme: Scheme = scheme.parse().map_err(to_js)?;
        let limits = not_after.as_deref().unwrap_or_default();
        let secrets: Vec<Secret> = secrets
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let bytes: &[u8] = match s {
                    Either::A(text) => text.as_bytes(),
                    Either::B(bytes) => bytes,
                };
                match limits.get(i) {
                    // `as` saturates: a far-off limit is simply never reached.
                    Some(&limit) if !limit.is_nan() => Secret::new(bytes).not_after(limit as i64),
                    _ => Secret::new(bytes),
                }
            })
            .collect();
        let v = Verifier::with_secrets(scheme, &secrets, &to_core(options)?).map_err(to_js)?;
        Ok(External::new(Arc::new(v)))
    })
}

/// `Verifier::explain_at`: the core's diagnosis as its JSON (`Explanation::to_json`).
/// `pairs` are every header of the request, `[name, value]`, values as Node decoded
/// them (turned back into their wire bytes); pairs of another shape are ignored.
#[napi]
pub fn verifier_explain(
    verifier: &Handle,
    body: &[u8],
    pairs: Vec<Vec<String>>,
    now: f64,
) -> Result<String> {
    guard(|| {
        let headers: Vec<(&str, Cow<[u8]>)> = pairs
            .iter()
            .filter_map(|p| match p.as_slice() {
                [name, value, ..] => Some((name.as_str(), hookseal::wire_bytes(value))),
                _ => None,
            })
            .collect();
        // `as` saturates: a far-off `now` is then simply out of tolerance.
        Ok(verifier.explain_at(&headers, body, now as i64).to_json())
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
