//! The verifier: a core `Verifier` built once, held by JS as an opaque `External`,
//! verifying bodies with the header values the JS layer extracted (in `headerNames()`
//! order), never a header map. `npm/binding.cjs` wraps these functions into the
//! `Verifier` class of the engine interface (`npm/src/engine.d.ts`).
//!
//! Why functions over an `External` and an out-array rather than a `#[napi]` class
//! returning an object: on the hot path, unwrapping a class instance and building a
//! result object cost more than the HMAC of a 1 KiB body (see docs/benchmarks/node.md).

use crate::error::{guard, to_js, Result};
use crate::options::{to_core, JsOptions};
use hookseal::{Headers, Scheme, Verifier};
use napi::bindgen_prelude::{External, FromNapiValue, TypeName, ValidateNapiValue};
use napi::{sys, ValueType};
use napi_derive::napi;

/// The envelope of a verified delivery (`Verifier::envelope` in the core).
#[napi(object)]
pub struct JsEnvelope {
    pub kind: Option<String>,
    pub event_id: Option<String>,
    pub event_id_signed: bool,
    pub tenant: Option<String>,
    pub idempotency_key: String,
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

fn values<'a>(v: &'a Verifier, values: &'a [Option<String>]) -> Values<'a> {
    Values {
        names: v.header_names(),
        values,
    }
}

/// A `Float64Array` of length 2 that `verify_into` writes its result into:
/// `[timestamp or NaN, secret index]`.
pub struct Out(&'static mut [f64]);

impl TypeName for Out {
    fn type_name() -> &'static str {
        "Float64Array"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ValidateNapiValue for Out {}

impl FromNapiValue for Out {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        // SAFETY: napi-rs checks that `value` is a Float64Array; the caller keeps it
        // alive for the whole call, and `Out` does not outlive the call.
        let slice = unsafe { <&mut [f64]>::from_napi_value(env, value)? };
        Ok(Out(slice))
    }
}

/// `Verifier::with_options`; throws `unknown_scheme`, `invalid_secret`, `invalid_option`.
#[napi]
pub fn verifier_new(
    scheme: String,
    secrets: Vec<String>,
    options: Option<JsOptions>,
) -> Result<External<Verifier>> {
    guard(|| {
        let scheme: Scheme = scheme.parse().map_err(to_js)?;
        let v = Verifier::with_options(scheme, &secrets, &to_core(options)?).map_err(to_js)?;
        Ok(External::new(v))
    })
}

/// The lowercase names of the headers this verifier reads, signature header first.
#[napi]
pub fn verifier_header_names(verifier: &External<Verifier>) -> Vec<String> {
    verifier.header_names().to_vec()
}

/// Verifies `body` at `now` (unix seconds; the system clock when absent) and writes
/// `[timestamp or NaN, secret index]` into `out`; throws the core's error otherwise.
#[napi]
pub fn verifier_verify_into(
    verifier: &External<Verifier>,
    body: &[u8],
    values: Vec<Option<String>>,
    now: Option<f64>,
    out: Out,
) -> Result<()> {
    guard(|| {
        let v: &Verifier = verifier;
        let headers = self::values(v, &values);
        let verified = match now {
            // `as` saturates: a far-off `now` is then simply out of tolerance.
            Some(now) => v.verify_at(&headers, body, now as i64),
            None => v.verify(&headers, body),
        }
        .map_err(to_js)?;
        if let [ts, index, ..] = out.0 {
            *ts = verified.timestamp.map_or(f64::NAN, |t| t as f64);
            *index = verified.secret_index as f64;
        }
        Ok(())
    })
}

/// The envelope of a delivery `verify` accepted, from the same body and values.
#[napi]
pub fn verifier_envelope(
    verifier: &External<Verifier>,
    body: &[u8],
    values: Vec<Option<String>>,
) -> Result<JsEnvelope> {
    guard(|| {
        let v: &Verifier = verifier;
        let e = v.envelope(&self::values(v, &values), body);
        Ok(JsEnvelope {
            kind: e.kind,
            event_id: e.event_id,
            event_id_signed: e.event_id_signed,
            tenant: e.tenant,
            idempotency_key: e.idempotency_key,
        })
    })
}
