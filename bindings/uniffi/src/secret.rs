//! Secrets with a rotation window: the JVM's `Secret(value, notAfter)` as the core's
//! `hookseal::Secret` (docs/schemes.md).

/// One configured secret: its bytes and, optionally, the last unix second it verifies.
#[derive(uniffi::Record)]
pub struct SecretEntry {
    /// The secret's bytes, exactly as the provider shows it.
    pub value: Vec<u8>,
    /// After this unix second the core skips the secret; `None`: no end.
    pub not_after: Option<i64>,
}

impl SecretEntry {
    /// The core's secret.
    pub fn into_core(self) -> hookseal::Secret {
        let secret = hookseal::Secret::new(self.value);
        match self.not_after {
            Some(t) => secret.not_after(t),
            None => secret,
        }
    }
}
