//! Each provider's events: the samples of the event schemas (core/events/, embedded by
//! the crate hookseal-events), so what `send` delivers is what the typed events of every
//! runtime describe (docs/events.md). A sample holds fixed values; each delivery gets
//! its own: a fresh event or delivery id and tenant, fresh UUIDs, and the send time for
//! every timestamp.

use crate::ids;
use hookseal::Scheme;
use hookseal_events::{salesbooth, salescaling, saleslab, salesos};
use serde_json::Value;
use std::collections::HashMap;

/// One event kind and a body of it, as the schema's sample gives it.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub kind: &'static str,
    pub sample: &'static str,
}

/// The samples of `scheme`'s event schema, in the schema's order.
pub fn events(scheme: Scheme) -> impl Iterator<Item = Event> {
    let samples: &'static [(&'static str, &'static str)] = match scheme {
        Scheme::SalesLab => saleslab::SAMPLES,
        Scheme::SalesOs => salesos::SAMPLES,
        Scheme::Salesbooth => salesbooth::SAMPLES,
        Scheme::Salescaling => salescaling::SAMPLES,
        _ => &[],
    };
    samples.iter().map(|&(kind, sample)| Event { kind, sample })
}

/// The values that are fresh in one delivery.
pub struct Fill {
    pub id: String,
    pub company: String,
    pub sub: String,
    pub now: String,
}

/// The time every sample carries (scripts/events/schema.py, `SAMPLE_TIME`).
const SAMPLE_TIME: &str = "2026-05-19T13:42:08Z";

impl Fill {
    pub fn fresh(now_unix: i64) -> Fill {
        Fill {
            id: ids::uuid(),
            company: ids::uuid(),
            sub: ids::short("sub_"),
            now: ids::rfc3339(now_unix),
        }
    }

    /// The body of one delivery of `event`: its sample with this delivery's values.
    pub fn body(&self, scheme: Scheme, event: &Event) -> String {
        let mut body: Value = serde_json::from_str(event.sample).expect("a sample is JSON");
        let mut fresh = HashMap::new();
        self.refresh(&mut body, &mut fresh);
        let info = scheme.info();
        // Only fields the sample has: the schema says which the provider sends.
        if let Some(object) = body.as_object_mut() {
            if let Some(field) = info.id_field.filter(|f| object.contains_key(*f)) {
                let id = match scheme {
                    // SalesLab's ids read `<event>:<object id>:<subscription>`.
                    Scheme::SalesLab => format!("{}:{}:{}", event.kind, self.id, self.sub),
                    _ => ids::short("evt_"),
                };
                object.insert(field.into(), id.into());
            }
            if let Some(field) = info.tenant_field.filter(|f| object.contains_key(*f)) {
                let tenant = match scheme {
                    Scheme::Salesbooth => format!("tenant_{}", &self.company[..8]),
                    _ => self.company.clone(),
                };
                object.insert(field.into(), tenant.into());
            }
        }
        body.to_string()
    }

    /// Every timestamp becomes the send time, every id a fresh one (the same sample id
    /// the same fresh one, within the delivery).
    fn refresh(&self, value: &mut Value, fresh: &mut HashMap<String, String>) {
        match value {
            Value::String(s) if s == SAMPLE_TIME => *s = self.now.clone(),
            Value::String(s) if is_uuid(s) => {
                *s = fresh.entry(s.clone()).or_insert_with(ids::uuid).clone();
            }
            Value::String(s) if sample_id_prefix(s).is_some() => {
                let prefix = sample_id_prefix(s).unwrap_or_default().to_owned();
                *s = fresh
                    .entry(s.clone())
                    .or_insert_with(|| ids::short(&prefix))
                    .clone();
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.refresh(v, fresh)),
            Value::Object(members) => members.values_mut().for_each(|v| self.refresh(v, fresh)),
            _ => {}
        }
    }
}

/// `deal_id_` of `deal_id_1a2b3c4d5e6f`: the shape the samples give an id without a
/// format (`<field>_` and 12 hex digits, scripts/events/schema.py).
fn sample_id_prefix(s: &str) -> Option<&str> {
    let (prefix, hex) = s.split_at_checked(s.len().checked_sub(12)?)?;
    let hex_ok = hex
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (hex_ok && prefix.ends_with('_') && prefix.len() > 1).then_some(prefix)
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMES: [Scheme; 4] = [
        Scheme::SalesLab,
        Scheme::SalesOs,
        Scheme::Salesbooth,
        Scheme::Salescaling,
    ];

    #[test]
    fn every_body_is_its_sample_with_fresh_values() {
        for scheme in SCHEMES {
            for e in events(scheme) {
                let fill = Fill::fresh(1_700_000_000);
                let body: Value = serde_json::from_str(&fill.body(scheme, &e)).unwrap();
                let sample: Value = serde_json::from_str(e.sample).unwrap();
                let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
                assert_eq!(keys(&body), keys(&sample), "{}", e.kind);
                assert!(!body.to_string().contains(SAMPLE_TIME), "{}", e.kind);
                let parsed =
                    hookseal_events::parse(scheme, Some(e.kind), body.to_string().as_bytes());
                assert_eq!(parsed.unwrap().kind(), Some(e.kind));
            }
        }
    }

    #[test]
    fn the_envelope_fields_are_fresh_per_delivery() {
        let e = events(Scheme::Salesbooth).next().unwrap();
        let body = |fill: &Fill| serde_json::from_str::<Value>(&fill.body(Scheme::Salesbooth, &e));
        let (a, b) = (
            body(&Fill::fresh(0)).unwrap(),
            body(&Fill::fresh(0)).unwrap(),
        );
        assert_ne!(a["id"], b["id"]);
        assert_ne!(a["tenant_id"], b["tenant_id"]);
        assert_ne!(a["data"]["deal_id"], b["data"]["deal_id"]);
        assert!(a["data"]["deal_id"]
            .as_str()
            .unwrap()
            .starts_with("deal_id_"));
        assert_eq!(a["timestamp"], "1970-01-01T00:00:00Z");
        let e = events(Scheme::SalesLab).next().unwrap();
        let fill = Fill::fresh(0);
        let v: Value = serde_json::from_str(&fill.body(Scheme::SalesLab, &e)).unwrap();
        assert_eq!(v["company_id"], fill.company.as_str());
        assert!(v["delivery_id"]
            .as_str()
            .unwrap()
            .starts_with("session.completed:"));
    }

    #[test]
    fn catalogs_cover_the_documents() {
        let count = |s| events(s).count();
        assert_eq!(count(Scheme::SalesLab), 13);
        assert_eq!(count(Scheme::SalesOs), 18);
        assert_eq!(count(Scheme::Salesbooth), 148);
        assert_eq!(count(Scheme::Salescaling), 3);
    }
}
