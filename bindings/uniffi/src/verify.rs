//! The verifier: one core `Verifier`, built once, shared by every thread.

use crate::envelope::Envelope;
use crate::error::NativeError;
use crate::headers::{pairs, Header};
use crate::options::{from_flat, scheme};
use crate::secret::SecretEntry;
use hookseal::Tolerance;
use std::sync::Arc;

/// What verification found, flat: the envelope is read later, only when asked for.
#[derive(uniffi::Record)]
pub struct Verification {
    /// The signed timestamp (unix seconds) of timestamped schemes.
    pub timestamp: Option<u64>,
    /// Which configured secret matched (0 for the first).
    pub secret_index: u32,
}

/// A verifier for one scheme and its secrets.
#[derive(uniffi::Object)]
pub struct NativeVerifier {
    inner: hookseal::Verifier,
}

#[uniffi::export]
impl NativeVerifier {
    /// `scheme` an id of the scheme table, `secrets` tried in order (each skipped after
    /// its `not_after`, `hookseal::Verifier::with_secrets`), `options` names and values
    /// alternating (`["tolerance", "600", "max_body", "2048"]`).
    #[uniffi::constructor]
    pub fn new(
        scheme_id: String,
        secrets: Vec<SecretEntry>,
        options: Vec<String>,
    ) -> Result<Arc<NativeVerifier>, NativeError> {
        let scheme = scheme(&scheme_id)?;
        let options = from_flat(&options)?;
        let secrets: Vec<hookseal::Secret> =
            secrets.into_iter().map(SecretEntry::into_core).collect();
        let inner = hookseal::Verifier::with_secrets(scheme, &secrets, &options)?;
        Ok(Arc::new(NativeVerifier { inner }))
    }

    /// The scheme id.
    pub fn scheme(&self) -> String {
        self.inner.scheme().as_str().to_owned()
    }

    /// The largest body accepted, in bytes.
    pub fn max_body(&self) -> u64 {
        self.inner.max_body() as u64
    }

    /// The tolerance in seconds; `None` when it is off (or the scheme signs no time).
    pub fn tolerance(&self) -> Option<u64> {
        match self.inner.tolerance() {
            Tolerance::Seconds(s) => Some(s),
            Tolerance::Off => None,
        }
    }

    /// The lowercase names of the only headers this verifier reads, signature first.
    pub fn header_names(&self) -> Vec<String> {
        self.inner.header_names().to_vec()
    }

    /// Verifies `body` with the pairs of the headers it reads, at `now` (unix seconds).
    /// The JVM side always passes the time (its clock): an `Option` would cost UniFFI
    /// one more buffer, and native call, per verify.
    pub fn verify(
        &self,
        body: Vec<u8>,
        headers: Vec<Header>,
        now: i64,
    ) -> Result<Verification, NativeError> {
        let pairs = pairs(&headers);
        let verified = self.inner.verify_at(&pairs, &body, now)?;
        Ok(Verification {
            timestamp: verified.timestamp,
            secret_index: verified.secret_index as u32,
        })
    }

    /// Why a delivery verifies or not, at `now` (unix seconds), as the core's JSON
    /// (`hookseal::Explanation::to_json`: ok, code, message, findings). For development:
    /// docs/explain.md says why a production endpoint does not answer with it.
    pub fn explain(&self, body: Vec<u8>, headers: Vec<Header>, now: i64) -> String {
        self.inner
            .explain_at(&pairs(&headers), &body, now)
            .to_json()
    }

    /// The envelope of a verified delivery, from its body and headers.
    pub fn envelope(&self, body: Vec<u8>, headers: Vec<Header>) -> Envelope {
        self.inner.envelope(&pairs(&headers), &body).into()
    }
}
