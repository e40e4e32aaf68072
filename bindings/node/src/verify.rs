//! The verifier: a core `Verifier` built once, held by JS as an opaque `External`.
//! `npm/binding.cjs` wraps these functions into the `Verifier` class of the engine
//! interface (`npm/src/engine.d.ts`). `verify` itself is not here: it is a raw
//! Node-API function bound to the verifier (`verify_call.rs`), the hot path.

use crate::error::{guard, to_js, Result};
use crate::options::{to_core, JsOptions};
use crate::verify_call;
use hookseal::{Headers, Scheme, Verifier};
use napi::bindgen_prelude::{External, ToNapiValue};
use napi::{sys, Env};
use napi_derive::napi;
use std::sync::Arc;

/// What JS holds: shared with the `verify` function bound to it.
type Handle = External<Arc<Verifier>>;

/// The envelope of a verified delivery (`Verifier::envelope` in the core).
#[napi(object)]
pub struct JsEnvelope {
    pub kind: Option<String>,
    pub event_id: Option<String>,
    pub event_id_signed: bool,
    pub tenant: Option<String>,
    pub idempotency_key: String,
}

/// `Verifier::with_options`; throws `unknown_scheme`, `invalid_secret`, `invalid_option`.
#[napi(ts_return_type = "ExternalObject<'Verifier'>")]
pub fn verifier_new(
    scheme: String,
    secrets: Vec<String>,
    options: Option<JsOptions>,
) -> Result<Handle> {
    guard(|| {
        let scheme: Scheme = scheme.parse().map_err(to_js)?;
        let v = Verifier::with_options(scheme, &secrets, &to_core(options)?).map_err(to_js)?;
        Ok(External::new(Arc::new(v)))
    })
}

/// The lowercase names of the headers this verifier reads, signature header first.
#[napi]
pub fn verifier_header_names(verifier: &Handle) -> Vec<String> {
    verifier.header_names().to_vec()
}

/// How many of the header names `verify` reads (`Verifier::verify_header_count`).
#[napi]
pub fn verifier_verify_header_count(verifier: &Handle) -> u32 {
    verifier.verify_header_count() as u32
}

/// A JS function `verify(body, now, out, ...values)` bound to this verifier (see
/// `verify_call.rs`).
#[napi(
    ts_return_type = "(body: Uint8Array, now: number | undefined, out: Float64Array, ...values: (string | null)[]) => void"
)]
pub fn verifier_verify_function(env: Env, verifier: &Handle) -> napi::Result<RawValue> {
    verify_call::bind(env.raw(), Arc::clone(verifier)).map(RawValue)
}

/// The envelope of a delivery `verify` accepted, from the same body and all the values
/// of `headerNames()`.
#[napi]
pub fn verifier_envelope(
    verifier: &Handle,
    body: &[u8],
    values: Vec<Option<String>>,
) -> Result<JsEnvelope> {
    guard(|| {
        let names = verifier.header_names();
        let e = verifier.envelope(
            &Values {
                names,
                values: &values,
            },
            body,
        );
        Ok(JsEnvelope {
            kind: e.kind,
            event_id: e.event_id,
            event_id_signed: e.event_id_signed,
            tenant: e.tenant,
            idempotency_key: e.idempotency_key,
        })
    })
}

/// A JS value made with Node-API directly, returned as it is.
pub struct RawValue(sys::napi_value);

impl ToNapiValue for RawValue {
    unsafe fn to_napi_value(_env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        Ok(val.0)
    }
}

/// The header values the JS layer passed, looked up by the verifier's own names.
struct Values<'a> {
    names: &'a [String],
    values: &'a [Option<String>],
}

impl Headers for Values<'_> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        let i = self.names.iter().position(|n| n == name)?;
        self.values.get(i)?.as_deref().map(str::as_bytes)
    }
}
