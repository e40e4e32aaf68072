//! The envelope: what a handler needs to route and de-duplicate a delivery, read from
//! the signed body (never from an unsigned header when the body has the field).

use crate::codec::hex_encode;
use crate::scheme::Scheme;
use crate::secret::sha256;
use crate::verify::Verified;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use std::fmt;

/// Routing and de-duplication facts about a verified delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    /// The event kind (`deal.won`, `session.completed`, …).
    pub kind: Option<String>,
    /// The provider's event or delivery id.
    pub event_id: Option<String>,
    /// Whether `event_id` was covered by the signature (false when it came from an
    /// unsigned header).
    pub event_id_signed: bool,
    /// The provider's tenant (company, account) id.
    pub tenant: Option<String>,
    /// The key to de-duplicate on: the signed event id when there is one, else the
    /// lowercase hex SHA-256 of the body (a retry resends identical bytes).
    pub idempotency_key: String,
}

/// Where each field is read from: the scheme table's envelope fields. A signed id header
/// (Standard Webhooks, a custom `id_header`) takes precedence over the body's id field.
struct Fields {
    kind: &'static [&'static str],
    id: Option<&'static str>,
    tenant: Option<&'static str>,
}

fn fields(scheme: Scheme, has_signed_id: bool) -> Fields {
    let info = scheme.info();
    Fields {
        kind: info.kind_fields,
        id: info.id_field.filter(|_| !has_signed_id),
        tenant: info.tenant_field,
    }
}

impl Verified<'_> {
    /// Reads the envelope. This parses the body as JSON (when it is a JSON object), so
    /// call it once and keep the result.
    ///
    /// ```
    /// use hookseal::{Scheme, Signer, Verifier};
    /// let body = br#"{"id":"evt_1","type":"deal.won","created_at":"2026-03-15T14:30:00Z","data":{}}"#;
    /// let headers = Signer::new(Scheme::SalesOs, "whsec_x").unwrap().sign(body, None).unwrap();
    /// let v = Verifier::new(Scheme::SalesOs, &["whsec_x"]).unwrap();
    /// let env = v.verify(&headers, body).unwrap().envelope();
    /// assert_eq!(env.kind.as_deref(), Some("deal.won"));
    /// assert_eq!(env.idempotency_key, "evt_1");
    /// ```
    pub fn envelope(&self) -> Envelope {
        read(
            self.scheme,
            self.body,
            self.signed_id.as_deref(),
            self.header_kind.as_deref(),
            self.header_id.as_deref(),
        )
    }
}

/// The envelope of `body`, given the header values the scheme may read it from.
pub(crate) fn read(
    scheme: Scheme,
    body: &[u8],
    signed_id: Option<&[u8]>,
    header_kind: Option<&[u8]>,
    header_id: Option<&[u8]>,
) -> Envelope {
    // Empty values count as absent: an empty key would make every delivery a duplicate.
    let signed_id = signed_id.filter(|v| !v.is_empty());
    let header_kind = header_kind.filter(|v| !v.is_empty());
    let header_id = header_id.filter(|v| !v.is_empty());
    let f = fields(scheme, signed_id.is_some());
    let mut wanted: Vec<&str> = f.kind.to_vec();
    wanted.extend(f.id);
    wanted.extend(f.tenant);
    let mut found = top_level_strings(body, &wanted);
    let tenant = f.tenant.and_then(|_| found.pop().flatten());
    let body_id = f.id.and_then(|_| found.pop().flatten());
    let kind = found
        .into_iter()
        .flatten()
        .next()
        .or_else(|| header_kind.map(lossy));
    let (event_id, event_id_signed) = match (signed_id, body_id) {
        (Some(id), _) => (Some(lossy(id)), true),
        (None, Some(id)) => (Some(id), true),
        (None, None) => (header_id.map(lossy), false),
    };
    let idempotency_key = match (&event_id, event_id_signed) {
        (Some(id), true) => id.clone(),
        _ => hex_encode(&sha256(body)),
    };
    Envelope {
        kind,
        event_id,
        event_id_signed,
        tenant,
        idempotency_key,
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The top-level string values of `keys` in a JSON object body (first occurrence of each);
/// all `None` when the body is not a JSON object.
pub(crate) fn top_level_strings(body: &[u8], keys: &[&str]) -> Vec<Option<String>> {
    let none = || vec![None; keys.len()];
    if keys.is_empty() {
        return none();
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    match de.deserialize_map(ObjectVisitor { keys }) {
        Ok(found) if de.end().is_ok() => found,
        _ => none(),
    }
}

struct ObjectVisitor<'k> {
    keys: &'k [&'k str],
}

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = Vec<Option<String>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = vec![None; self.keys.len()];
        while let Some(slot) = map.next_key_seed(KeySeed { keys: self.keys })? {
            match slot {
                Some(i) if found[i].is_none() => {
                    // An empty id would make every such delivery a duplicate of the first.
                    if let serde_json::Value::String(s) = map.next_value()? {
                        found[i] = (!s.is_empty()).then_some(s);
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }
}

/// Maps an object key to its index in `keys`, without allocating.
struct KeySeed<'k> {
    keys: &'k [&'k str],
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.keys.iter().position(|k| *k == key))
    }
}
