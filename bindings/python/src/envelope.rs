//! The envelope, as a tuple the package reads lazily.

use hookseal::Envelope;

/// `(kind, event_id, event_id_signed, tenant, idempotency_key)`: a tuple is the cheapest
/// thing to build, and the package names the fields.
pub type EnvelopeTuple = (Option<String>, Option<String>, bool, Option<String>, String);

pub fn to_tuple(e: Envelope) -> EnvelopeTuple {
    (
        e.kind,
        e.event_id,
        e.event_id_signed,
        e.tenant,
        e.idempotency_key,
    )
}
