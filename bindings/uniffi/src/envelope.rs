//! The envelope, read from the signed body when the JVM side first asks for it.

/// Routing and de-duplication facts about a verified delivery (`hookseal::Envelope`).
#[derive(uniffi::Record)]
pub struct Envelope {
    /// The event kind.
    pub kind: Option<String>,
    /// The provider's event or delivery id.
    pub event_id: Option<String>,
    /// Whether `event_id` was covered by the signature.
    pub event_id_signed: bool,
    /// The provider's tenant id.
    pub tenant: Option<String>,
    /// The key to de-duplicate on.
    pub idempotency_key: String,
}

impl From<hookseal::Envelope> for Envelope {
    fn from(e: hookseal::Envelope) -> Envelope {
        Envelope {
            kind: e.kind,
            event_id: e.event_id,
            event_id_signed: e.event_id_signed,
            tenant: e.tenant,
            idempotency_key: e.idempotency_key,
        }
    }
}
