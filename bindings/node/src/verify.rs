//! The `Verifier` class: a core `Verifier` built once, verifying bodies with the header
//! values the JS layer extracted (in `headerNames()` order), never a header map.

use crate::error::{guard, to_js, Result};
use crate::options::{to_core, JsOptions};
use hookseal::{Headers, Scheme};
use napi_derive::napi;

/// A verifier for one scheme and its secrets; key state is computed here, once.
#[napi(js_name = "Verifier")]
pub struct JsVerifier {
    inner: hookseal::Verifier,
}

/// What `verify` returns for a genuine delivery.
#[napi(object)]
pub struct JsVerified {
    /// The signed timestamp (unix seconds) of timestamped schemes.
    pub timestamp: Option<f64>,
    /// Index of the first configured secret that matched.
    pub secret_index: u32,
}

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

#[napi]
impl JsVerifier {
    /// `Verifier::with_options`; throws `unknown_scheme`, `invalid_secret`, `invalid_option`.
    #[napi(constructor)]
    pub fn new(scheme: String, secrets: Vec<String>, options: Option<JsOptions>) -> Result<Self> {
        guard(|| {
            let scheme: Scheme = scheme.parse().map_err(to_js)?;
            let opts = to_core(options)?;
            let inner = hookseal::Verifier::with_options(scheme, &secrets, &opts).map_err(to_js)?;
            Ok(JsVerifier { inner })
        })
    }

    /// The lowercase names of the headers this verifier reads, signature header first.
    #[napi]
    pub fn header_names(&self) -> Vec<String> {
        self.inner.header_names().to_vec()
    }

    /// Verifies `body` at `now` (unix seconds; the system clock when absent).
    #[napi]
    pub fn verify(
        &self,
        body: &[u8],
        values: Vec<Option<String>>,
        now: Option<f64>,
    ) -> Result<JsVerified> {
        guard(|| {
            let headers = self.values(&values);
            let verified = match now {
                // `as` saturates: a far-off `now` is then simply out of tolerance.
                Some(now) => self.inner.verify_at(&headers, body, now as i64),
                None => self.inner.verify(&headers, body),
            }
            .map_err(to_js)?;
            Ok(JsVerified {
                timestamp: verified.timestamp.map(|t| t as f64),
                secret_index: u32::try_from(verified.secret_index).unwrap_or(u32::MAX),
            })
        })
    }

    /// The envelope of a delivery `verify` accepted, from the same body and values.
    #[napi]
    pub fn envelope(&self, body: &[u8], values: Vec<Option<String>>) -> Result<JsEnvelope> {
        guard(|| {
            let e = self.inner.envelope(&self.values(&values), body);
            Ok(JsEnvelope {
                kind: e.kind,
                event_id: e.event_id,
                event_id_signed: e.event_id_signed,
                tenant: e.tenant,
                idempotency_key: e.idempotency_key,
            })
        })
    }
}

impl JsVerifier {
    fn values<'a>(&'a self, values: &'a [Option<String>]) -> Values<'a> {
        Values {
            names: self.inner.header_names(),
            values,
        }
    }
}
