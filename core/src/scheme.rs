//! The scheme ids and what each one puts on the wire.

use crate::error::{err, Error, ErrorCode};
use crate::options::Content;
use std::fmt;
use std::str::FromStr;

/// A signature scheme: one provider's wire format, or the configurable `custom` one.
///
/// The id (`as_str`) is the scheme's name in every runtime and in the vectors.
///
/// ```
/// use hookseal::Scheme;
/// let s: Scheme = "salesbooth".parse().unwrap();
/// assert_eq!(s, Scheme::Salesbooth);
/// assert_eq!(s.as_str(), "salesbooth");
/// assert!(s.is_timestamped());
/// assert_eq!("nope".parse::<Scheme>().unwrap_err().code(), hookseal::ErrorCode::UnknownScheme);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// SalesLab: `x-saleslab-signature: sha256=<hex>` over the body.
    SalesLab,
    /// SalesOS: `x-salesos-signature: sha256=<hex>` over the body.
    SalesOs,
    /// Salesbooth: `x-salesbooth-signature: v1=<hex>` over `ts.body`.
    Salesbooth,
    /// Salescaling: a shared token in a configurable header.
    Salescaling,
    /// Standard Webhooks: `webhook-signature: v1,<base64>` over `id.ts.body`.
    StandardWebhooks,
    /// Stripe: `stripe-signature: t=…,v1=<hex>` over `ts.body`.
    Stripe,
    /// GitHub: `x-hub-signature-256: sha256=<hex>` over the body.
    Github,
    /// A configurable HMAC scheme: a new provider is configuration, not code.
    Custom,
    /// A scheme that exists only to show that a scheme is one row of [`SCHEMES`]
    /// (`core/tests/example_scheme.rs`, with the `example-scheme` feature).
    #[cfg(feature = "example-scheme")]
    Example,
}

/// How many schemes there are.
const COUNT: usize = 8 + cfg!(feature = "example-scheme") as usize;

impl Scheme {
    /// Every scheme, in the order `detect` tries the fixed ones (the order of [`SCHEMES`]).
    pub const ALL: [Scheme; COUNT] = {
        let mut all = [Scheme::Custom; COUNT];
        let mut i = 0;
        while i < COUNT {
            all[i] = SCHEMES[i].scheme;
            i += 1;
        }
        all
    };

    /// The scheme's row of the scheme table.
    pub const fn info(self) -> &'static SchemeInfo {
        &SCHEMES[self as usize]
    }

    /// The scheme's id.
    pub const fn as_str(self) -> &'static str {
        self.info().id
    }

    /// Whether the scheme signs a timestamp (and so checks a tolerance) by default.
    /// `custom` is timestamped when its `content` includes `ts`.
    pub const fn is_timestamped(self) -> bool {
        matches!(
            self.info().content,
            Some(Content::TsBody | Content::IdTsBody)
        )
    }

    /// The (lowercase) header whose presence identifies the scheme, for the schemes that
    /// have a fixed one: what [`detect`](crate::detect) looks for.
    ///
    /// ```
    /// use hookseal::Scheme;
    /// assert_eq!(Scheme::Stripe.signature_header(), Some("stripe-signature"));
    /// assert_eq!(Scheme::Salescaling.signature_header(), None);
    /// ```
    pub const fn signature_header(self) -> Option<&'static str> {
        self.info().signature_header
    }
}

/// How a scheme lays out its signature header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Layout {
    /// `<prefix><64 hex digits>`: one digest.
    Prefixed(&'static str),
    /// `t=<timestamp>,v1=<hex>[,v1=<hex>…]`: the timestamp inline, other items ignored.
    Stripe,
    /// `v1,<base64>[ v1,<base64>…]`, space-separated; other versions ignored.
    StandardWebhooks,
    /// A shared token after an optional prefix (`header` and `prefix` options).
    Token,
    /// `<prefix><digest>`, every part set by options (`custom`).
    Configured,
}

/// One row of the scheme table: everything the core knows about a scheme. The wire
/// format ([`Verifier`](crate::Verifier)), the envelope, [`detect`](crate::detect) and every
/// binding read it from here, so adding a scheme is one row (plus its vectors and docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SchemeInfo {
    /// The scheme this row describes.
    pub scheme: Scheme,
    /// The id: the scheme's name in every runtime and in the vectors.
    pub id: &'static str,
    /// Who sends it.
    pub provider: &'static str,
    /// The signature header; `None` when an option names it.
    pub signature_header: Option<&'static str>,
    /// The signature header's layout.
    pub layout: Layout,
    /// What is signed; `None` when an option says (`custom`).
    pub content: Option<Content>,
    /// The header carrying the signed timestamp (Stripe's is inline, in the signature).
    pub timestamp_header: Option<&'static str>,
    /// The header carrying a signed id.
    pub id_header: Option<&'static str>,
    /// An unsigned header naming the event kind, read when the body has none.
    pub kind_header: Option<&'static str>,
    /// An unsigned header naming the delivery, reported (never the idempotency key) when
    /// the body has no id.
    pub delivery_header: Option<&'static str>,
    /// The body fields the event kind is read from, first found wins.
    pub kind_fields: &'static [&'static str],
    /// The body field holding the (signed) event id; a signed id header takes precedence.
    pub id_field: Option<&'static str>,
    /// The body field holding the tenant.
    pub tenant_field: Option<&'static str>,
    /// The options the scheme takes, beyond `max_body` (every scheme takes it).
    pub options: &'static [&'static str],
}

/// The scheme table as JSON, for bindings, the command line and generated type
/// declarations: an array in [`Scheme::ALL`] order, each row's fields in snake_case,
/// `layout` as `{"kind": "prefixed", "prefix": "sha256="}` and the like, `content` and
/// `timestamped` as the verifier uses them.
///
/// ```
/// let rows: serde_json::Value = serde_json::from_str(&hookseal::schemes_json()).unwrap();
/// assert_eq!(rows[2]["id"], "salesbooth");
/// assert_eq!(rows[2]["timestamp_header"], "x-salesbooth-timestamp");
/// assert_eq!(rows[2]["layout"]["prefix"], "v1=");
/// assert_eq!(rows[2]["timestamped"], true);
/// ```
pub fn schemes_json() -> String {
    use serde_json::{json, Value};
    let layout = |l: Layout| match l {
        Layout::Prefixed(p) => json!({"kind": "prefixed", "prefix": p}),
        Layout::Stripe => json!({"kind": "stripe"}),
        Layout::StandardWebhooks => json!({"kind": "standard-webhooks"}),
        Layout::Token => json!({"kind": "token"}),
        Layout::Configured => json!({"kind": "configured"}),
    };
    let content = |c: Option<Content>| match c {
        Some(Content::Body) => json!("body"),
        Some(Content::TsBody) => json!("ts.body"),
        Some(Content::IdTsBody) => json!("id.ts.body"),
        None => Value::Null,
    };
    let rows: Vec<Value> = SCHEMES
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "provider": i.provider,
                "signature_header": i.signature_header,
                "layout": layout(i.layout),
                "content": content(i.content),
                "timestamped": i.scheme.is_timestamped(),
                "timestamp_header": i.timestamp_header,
                "id_header": i.id_header,
                "kind_header": i.kind_header,
                "delivery_header": i.delivery_header,
                "kind_fields": i.kind_fields,
                "id_field": i.id_field,
                "tenant_field": i.tenant_field,
                "options": i.options,
            })
        })
        .collect();
    Value::Array(rows).to_string()
}

/// [`schemes_json`] as it was written into `schemes.json`, so that a binding hands its
/// runtime a constant: no JSON is built at run time, and the wasm engine links no JSON
/// serializer (its size is budgeted). A test fails when the file and the table differ
/// (`UPDATE_TABLES=1 cargo test -p hookseal` rewrites it), as for
/// [`receive::CONTRACT_JSON`](crate::receive::CONTRACT_JSON).
pub const SCHEMES_JSON: &str = include_str!("schemes.json");

const TIMESTAMPED: &[&str] = &["tolerance"];

/// The scheme table, in [`Scheme::ALL`] order.
pub const SCHEMES: [SchemeInfo; COUNT] = [
    SchemeInfo {
        scheme: Scheme::SalesLab,
        id: "saleslab",
        provider: "SalesLab",
        signature_header: Some("x-saleslab-signature"),
        layout: Layout::Prefixed("sha256="),
        content: Some(Content::Body),
        timestamp_header: None,
        id_header: None,
        kind_header: Some("x-saleslab-event"),
        delivery_header: Some("x-saleslab-delivery-id"),
        kind_fields: &["event_kind"],
        id_field: Some("delivery_id"),
        tenant_field: Some("company_id"),
        options: &[],
    },
    SchemeInfo {
        scheme: Scheme::SalesOs,
        id: "salesos",
        provider: "SalesOS",
        signature_header: Some("x-salesos-signature"),
        layout: Layout::Prefixed("sha256="),
        content: Some(Content::Body),
        timestamp_header: None,
        id_header: None,
        kind_header: None,
        delivery_header: None,
        kind_fields: &["type"],
        id_field: Some("id"),
        tenant_field: None,
        options: &[],
    },
    SchemeInfo {
        scheme: Scheme::Salesbooth,
        id: "salesbooth",
        provider: "Salesbooth",
        signature_header: Some("x-salesbooth-signature"),
        layout: Layout::Prefixed("v1="),
        content: Some(Content::TsBody),
        timestamp_header: Some("x-salesbooth-timestamp"),
        id_header: None,
        kind_header: None,
        delivery_header: None,
        kind_fields: &["event"],
        id_field: Some("id"),
        tenant_field: Some("tenant_id"),
        options: TIMESTAMPED,
    },
    SchemeInfo {
        scheme: Scheme::Salescaling,
        id: "salescaling",
        provider: "Salescaling",
        signature_header: None,
        layout: Layout::Token,
        content: Some(Content::Body),
        timestamp_header: None,
        id_header: None,
        kind_header: None,
        delivery_header: None,
        kind_fields: &["event", "type"],
        id_field: None,
        tenant_field: Some("companyId"),
        options: &["header", "prefix"],
    },
    SchemeInfo {
        scheme: Scheme::StandardWebhooks,
        id: "standard-webhooks",
        provider: "Standard Webhooks",
        signature_header: Some("webhook-signature"),
        layout: Layout::StandardWebhooks,
        content: Some(Content::IdTsBody),
        timestamp_header: Some("webhook-timestamp"),
        id_header: Some("webhook-id"),
        kind_header: None,
        delivery_header: None,
        kind_fields: &["type"],
        id_field: None,
        tenant_field: None,
        options: TIMESTAMPED,
    },
    SchemeInfo {
        scheme: Scheme::Stripe,
        id: "stripe",
        provider: "Stripe",
        signature_header: Some("stripe-signature"),
        layout: Layout::Stripe,
        content: Some(Content::TsBody),
        timestamp_header: None,
        id_header: None,
        kind_header: None,
        delivery_header: None,
        kind_fields: &["type"],
        id_field: Some("id"),
        tenant_field: Some("account"),
        options: TIMESTAMPED,
    },
    SchemeInfo {
        scheme: Scheme::Github,
        id: "github",
        provider: "GitHub",
        signature_header: Some("x-hub-signature-256"),
        layout: Layout::Prefixed("sha256="),
        content: Some(Content::Body),
        timestamp_header: None,
        id_header: None,
        kind_header: Some("x-github-event"),
        delivery_header: Some("x-github-delivery"),
        kind_fields: &[],
        id_field: None,
        tenant_field: None,
        options: &[],
    },
    SchemeInfo {
        scheme: Scheme::Custom,
        id: "custom",
        provider: "any HMAC-SHA256 provider",
        signature_header: None,
        layout: Layout::Configured,
        content: None,
        timestamp_header: None,
        id_header: None,
        kind_header: None,
        delivery_header: None,
        kind_fields: &["type", "event"],
        id_field: Some("id"),
        tenant_field: None,
        options: &[
            "header",
            "prefix",
            "encoding",
            "content",
            "timestamp_header",
            "id_header",
            "tolerance",
        ],
    },
    #[cfg(feature = "example-scheme")]
    SchemeInfo {
        scheme: Scheme::Example,
        id: "example",
        provider: "Example",
        signature_header: Some("x-example-signature"),
        layout: Layout::Prefixed("v1="),
        content: Some(Content::TsBody),
        timestamp_header: Some("x-example-timestamp"),
        id_header: None,
        kind_header: None,
        delivery_header: None,
        kind_fields: &["type"],
        id_field: Some("id"),
        tenant_field: Some("account_id"),
        options: TIMESTAMPED,
    },
];

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scheme {
    type Err = Error;

    fn from_str(id: &str) -> Result<Scheme, Error> {
        match Scheme::ALL.into_iter().find(|s| s.as_str() == id) {
            Some(s) => Ok(s),
            None => err(
                ErrorCode::UnknownScheme,
                format!(
                    "unknown scheme {id:?}; known schemes: {}",
                    Scheme::ALL.map(Scheme::as_str).join(", ")
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_scheme_order() {
        for (i, s) in Scheme::ALL.into_iter().enumerate() {
            assert_eq!(SCHEMES[i].scheme, s);
            assert_eq!(s as usize, i);
        }
    }

    // The committed file is the table without the example scheme.
    #[cfg(not(feature = "example-scheme"))]
    #[test]
    fn the_committed_table_is_the_table() {
        crate::receive::committed_table("schemes.json", SCHEMES_JSON, &schemes_json());
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<&str> = SCHEMES.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), SCHEMES.len());
    }
}
