//! The engine class: one core `Verifier`, built once per endpoint, verifying many
//! deliveries. Mirrors the native addon's low-level engine method for method.

use crate::error::{to_js, type_error};
use crate::{options, shape, values};
use hookseal::{Scheme, Secret, Verifier};
use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;

/// A verifier for one scheme and its secrets (several during a rotation).
///
/// ```js
/// const engine = new Verifier("salesbooth", ["whsec_test"], ["tolerance", "300"]);
/// engine.headerNames(); // ["x-salesbooth-signature", "x-salesbooth-timestamp"]
/// ```
#[wasm_bindgen(js_name = Verifier)]
pub struct Engine {
    verifier: Verifier,
}

#[wasm_bindgen(js_class = Verifier)]
impl Engine {
    /// Builds the verifier; throws `unknown_scheme`, `invalid_secret` or `invalid_option`.
    /// A secret is a string (its UTF-8) or a Uint8Array (its bytes: a token that is not
    /// UTF-8). `notAfter`, when given, holds each secret's last valid unix second (`NaN`:
    /// no limit).
    ///
    /// ```js
    /// new Verifier("nope", ["s"], []); // throws, err.code === "unknown_scheme"
    /// new Verifier("salesbooth", ["whsec_new", "whsec_old"], [], new Float64Array([NaN, 1700000000]));
    /// ```
    #[wasm_bindgen(constructor)]
    pub fn new(
        scheme: &str,
        secrets: Vec<JsValue>,
        options: Option<Vec<String>>,
        not_after: Option<Vec<f64>>,
    ) -> Result<Engine, JsValue> {
        let scheme: Scheme = scheme.parse().map_err(to_js)?;
        let limits = not_after.unwrap_or_default();
        let secrets = secrets
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let bytes = match s.as_string() {
                    Some(text) => text.into_bytes(),
                    None if s.is_instance_of::<Uint8Array>() => {
                        Uint8Array::from(s.clone()).to_vec()
                    }
                    None => return Err(type_error("secrets must be strings or Uint8Arrays")),
                };
                Ok(match limits.get(i) {
                    // `as` saturates: a far-off limit is simply never reached.
                    Some(&limit) if !limit.is_nan() => Secret::new(bytes).not_after(limit as i64),
                    _ => Secret::new(bytes),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let options = options::from_js(options)?;
        let verifier = Verifier::with_secrets(scheme, &secrets, &options).map_err(to_js)?;
        Ok(Engine { verifier })
    }

    /// The lowercase names of the only headers this verifier reads, signature header
    /// first: `verify` and `envelope` take their values in this order.
    ///
    /// ```js
    /// new Verifier("saleslab", ["s"], []).headerNames()[0]; // "x-saleslab-signature"
    /// ```
    #[wasm_bindgen(js_name = headerNames)]
    pub fn header_names(&self) -> Vec<String> {
        self.verifier.header_names().to_vec()
    }

    /// How many of `headerNames()` `verify` reads: the first ones (signature, then the
    /// timestamp and id it signs). The others feed only `envelope`.
    ///
    /// ```js
    /// new Verifier("saleslab", ["s"], []).verifyHeaderCount(); // 1
    /// ```
    #[wasm_bindgen(js_name = verifyHeaderCount)]
    pub fn verify_header_count(&self) -> u32 {
        self.verifier.verify_header_count() as u32
    }

    /// The largest accepted body, in bytes.
    ///
    /// ```js
    /// new Verifier("salesos", ["s"], ["max_body", "1024"]).maxBody; // 1024
    /// ```
    #[wasm_bindgen(getter, js_name = maxBody)]
    pub fn max_body(&self) -> f64 {
        self.verifier.max_body() as f64
    }

    /// Verifies `body` given the values of the first `verifyHeaderCount()` names of
    /// `headerNames()` (verification reads no others); `now` in unix seconds, the
    /// current time when absent. Returns `{ timestamp, secretIndex }`; throws an
    /// `Error` whose `code` is the snake_case reason.
    ///
    /// ```js
    /// const r = engine.verify(body, values, 1700000100);
    /// r.secretIndex; // 0
    /// ```
    pub fn verify(
        &self,
        body: &[u8],
        values: Vec<JsValue>,
        now: Option<f64>,
    ) -> Result<Object, JsValue> {
        let pairs = values::pairs(self.verifier.header_names(), values)?;
        // wasm32-unknown-unknown has no clock of its own: read JavaScript's.
        let now = now.unwrap_or_else(|| (js_sys::Date::now() / 1000.0).floor());
        let verified = self
            .verifier
            .verify_at(&pairs, body, now as i64)
            .map_err(to_js)?;
        let timestamp = verified.timestamp.map_or(f64::NAN, |t| t as f64);
        Ok(shape::verified(timestamp, verified.secret_index as u32))
    }

    /// The core's diagnosis of a delivery, as its JSON (`Explanation::to_json`):
    /// `{"ok","code","message","findings":[{"code","message"}]}`. `pairs` are every
    /// header of the request, `[name, value]` (names in any case); `now` in unix seconds.
    /// Never throws for any bytes.
    ///
    /// ```js
    /// JSON.parse(engine.explain(body, [["x-salesbooth-timestamp", "1700000000"]], 1700000000)).code;
    /// // "missing_signature"
    /// ```
    pub fn explain(&self, body: &[u8], pairs: Array, now: f64) -> String {
        let pairs = values::all_pairs(pairs);
        self.verifier.explain_at(&pairs, body, now as i64).to_json()
    }

    /// The envelope of a verified delivery, read lazily from the same body and header
    /// values: `{ kind, eventId, eventIdSigned, tenant, idempotencyKey }` (absent: `null`).
    /// It verifies nothing; call it only after `verify` succeeded.
    ///
    /// ```js
    /// engine.envelope(body, values).idempotencyKey; // "d_1"
    /// ```
    pub fn envelope(&self, body: &[u8], values: Vec<JsValue>) -> Result<Object, JsValue> {
        let pairs = values::pairs(self.verifier.header_names(), values)?;
        let env = self.verifier.envelope(&pairs, body);
        Ok(shape::envelope(
            env.kind,
            env.event_id,
            env.event_id_signed,
            env.tenant,
            env.idempotency_key,
        ))
    }
}
