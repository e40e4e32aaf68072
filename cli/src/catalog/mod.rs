//! Each provider's events and payload shapes, as the provider's own documentation gives them.
//!
//! A template is compact JSON with placeholders filled per delivery: `@id@` (one UUID
//! reused within the delivery: the object the event is about), `@uuid@` (a fresh UUID
//! at each occurrence), `@company@`, `@sub@` (the subscription), `@now@` (RFC 3339);
//! `@@` is a literal `@`.

mod salesbooth;
mod salescaling;
mod saleslab;
mod salesos;

use crate::ids;

/// One event kind and the shape of its payload.
pub struct Event {
    pub kind: &'static str,
    pub template: &'static str,
}

pub use salesbooth::EVENTS as SALESBOOTH;
pub use salescaling::EVENTS as SALESCALING;
pub use saleslab::EVENTS as SALESLAB;
pub use salesos::EVENTS as SALESOS;

/// The values a template's placeholders take in one delivery.
pub struct Fill {
    pub id: String,
    pub company: String,
    pub sub: String,
    pub now: String,
}

impl Fill {
    pub fn fresh(now_unix: i64) -> Fill {
        Fill {
            id: ids::uuid(),
            company: ids::uuid(),
            sub: ids::short("sub_"),
            now: ids::rfc3339(now_unix),
        }
    }

    /// The template with every placeholder replaced.
    pub fn render(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 128);
        let mut parts = template.split('@');
        out.push_str(parts.next().unwrap_or_default());
        // Placeholders sit between two `@`; a literal `@` is written `@@`.
        while let (Some(name), Some(rest)) = (parts.next(), parts.next()) {
            match name {
                "id" => out.push_str(&self.id),
                "uuid" => out.push_str(&ids::uuid()),
                "company" => out.push_str(&self.company),
                "sub" => out.push_str(&self.sub),
                "now" => out.push_str(&self.now),
                "" => out.push('@'),
                other => {
                    out.push('@');
                    out.push_str(other);
                    out.push('@');
                }
            }
            out.push_str(rest);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_to_json() {
        for events in [SALESLAB, SALESOS, SALESBOOTH, SALESCALING] {
            for e in events {
                let body = Fill::fresh(1_700_000_000).render(e.template);
                let v: serde_json::Value = serde_json::from_str(&body)
                    .unwrap_or_else(|err| panic!("{}: {err}: {body}", e.kind));
                assert!(
                    !body.contains("@id@") && !body.contains("@uuid@"),
                    "{}",
                    e.kind
                );
                assert!(v.is_object(), "{}", e.kind);
            }
        }
    }

    #[test]
    fn catalogs_cover_the_documents() {
        assert_eq!(SALESLAB.len(), 13);
        assert_eq!(SALESCALING.len(), 3);
        assert!(SALESOS.len() >= 18);
        assert!(SALESBOOTH.iter().any(|e| e.kind == "subscription.renewed"));
    }
}
