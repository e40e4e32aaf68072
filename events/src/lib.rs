//! Typed webhook events of the sales platforms hookseal verifies, generated from one JSON
//! Schema per provider (`core/events/<provider>.json`, listed in docs/events.md).
//!
//! Verify with the core, then parse the body once with the envelope's kind: a listed
//! kind gives its struct, any other kind the generic form ([`Event::Other`] of the
//! provider), never an error. Fields a schema does not list are kept in each struct's
//! `extra`.
//!
//! ```
//! use hookseal::{Scheme, Signer, Verifier};
//! use hookseal_events::{salesos, Event};
//!
//! let body = br#"{"id":"evt_1","type":"deal.won","created_at":"2026-03-15T14:30:00Z","data":{"value":82000}}"#;
//! let headers = Signer::new(Scheme::SalesOs, "whsec_x").unwrap().sign(body, None).unwrap();
//! let verified = Verifier::new(Scheme::SalesOs, &["whsec_x"]).unwrap().verify(&headers, body).unwrap();
//! match hookseal_events::event(&verified).unwrap() {
//!     Event::SalesOs(salesos::Event::DealWon(won)) => assert_eq!(won.data.value, Some(82000.0)),
//!     other => panic!("{other:?}"),
//! }
//! ```

/// A provider's `Event` enum (a variant per listed kind, `Other` for the rest), `KINDS`
/// and `parse`, from its list of `Type = "kind"` (each provider module calls it once).
macro_rules! provider_events {
    ($($(#[$doc:meta])* $ty:ident = $kind:literal,)+) => {
        /// One delivery, typed by its kind: one variant per kind the schema lists.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $($(#[$doc])* $ty($ty),)+
            /// A kind the schema does not list (or none): the body as parsed.
            Other {
                /// The delivery's kind, when the envelope has one.
                kind: Option<String>,
                /// The body.
                payload: Value,
            },
        }

        /// Every kind the schema lists, in its order.
        pub const KINDS: &[&str] = &[$($kind),+];

        impl Event {
            /// The kind, as the envelope reports it.
            pub fn kind(&self) -> Option<&str> {
                match self {
                    $(Event::$ty(_) => Some($kind),)+
                    Event::Other { kind, .. } => kind.as_deref(),
                }
            }

            /// The event as JSON: the typed fields (absent optional ones left out) and
            /// the unlisted ones.
            pub fn to_value(&self) -> Value {
                match self {
                    $(Event::$ty(e) => $crate::to_value(e),)+
                    Event::Other { payload, .. } => payload.clone(),
                }
            }

            fn typed(kind: &str, body: &[u8]) -> Option<Result<Event, $crate::Mismatch>> {
                Some(match kind {
                    $($kind => $crate::typed(body).map(Event::$ty),)+
                    _ => return None,
                })
            }
        }

        /// The event a delivery of `kind` (the verified envelope's) carries in `body`:
        /// typed for a listed kind, [`Event::Other`] for any other. A body that is not
        /// JSON, or that breaks its kind's types, is `invalid_payload` naming the JSON path.
        pub fn parse(kind: Option<&str>, body: &[u8]) -> Result<Event, hookseal::Error> {
            $crate::parse_with(kind, body, Event::typed, |kind, payload| Event::Other { kind, payload })
        }
    };
}
pub(crate) use provider_events;

// The provider modules are written by scripts/events/generate.py (CI checks them).
pub mod salesbooth;
pub mod salescaling;
pub mod saleslab;
pub mod salesos;

use hookseal::{Error, ErrorCode, Scheme, Verified};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A delivery's event, by provider.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// A SalesLab delivery.
    SalesLab(saleslab::Event),
    /// A SalesOS delivery.
    SalesOs(salesos::Event),
    /// A Salesbooth delivery.
    Salesbooth(salesbooth::Event),
    /// A Salescaling delivery.
    Salescaling(salescaling::Event),
    /// A scheme without event schemas (Standard Webhooks, Stripe, GitHub, custom): the
    /// body as parsed.
    Other {
        /// The delivery's kind, when the envelope has one.
        kind: Option<String>,
        /// The body.
        payload: Value,
    },
}

impl Event {
    /// The kind, as the envelope reports it.
    pub fn kind(&self) -> Option<&str> {
        match self {
            Event::SalesLab(e) => e.kind(),
            Event::SalesOs(e) => e.kind(),
            Event::Salesbooth(e) => e.kind(),
            Event::Salescaling(e) => e.kind(),
            Event::Other { kind, .. } => kind.as_deref(),
        }
    }

    /// The event as JSON (the typed fields and the unlisted ones).
    pub fn to_value(&self) -> Value {
        match self {
            Event::SalesLab(e) => e.to_value(),
            Event::SalesOs(e) => e.to_value(),
            Event::Salesbooth(e) => e.to_value(),
            Event::Salescaling(e) => e.to_value(),
            Event::Other { payload, .. } => payload.clone(),
        }
    }
}

/// The event of a delivery of `scheme` whose envelope reports `kind`.
///
/// Errors: `invalid_payload` when the body is not JSON, or breaks the types of its
/// kind's schema; the message names the JSON path (`$.data.value`), never a value.
pub fn parse(scheme: Scheme, kind: Option<&str>, body: &[u8]) -> Result<Event, Error> {
    Ok(match scheme {
        Scheme::SalesLab => Event::SalesLab(saleslab::parse(kind, body)?),
        Scheme::SalesOs => Event::SalesOs(salesos::parse(kind, body)?),
        Scheme::Salesbooth => Event::Salesbooth(salesbooth::parse(kind, body)?),
        Scheme::Salescaling => Event::Salescaling(salescaling::parse(kind, body)?),
        _ => Event::Other {
            kind: kind.map(str::to_owned),
            payload: generic(body)?,
        },
    })
}

/// The event of a verified delivery: [`parse`] with its scheme and envelope kind.
pub fn event(verified: &Verified<'_>) -> Result<Event, Error> {
    let kind = verified.envelope().kind;
    parse(verified.scheme, kind.as_deref(), verified.body)
}

/// Where a body broke its kind's types, or that it is no JSON at all.
pub(crate) enum Mismatch {
    NotJson,
    /// The JSON path and what is wrong there (`is missing`, `must be a number, not a
    /// string`), in the words every runtime's validator uses.
    At(String, String),
}

/// A provider's typed parse: `None` for a kind its schema does not list.
pub(crate) type Typed<E> = fn(&str, &[u8]) -> Option<Result<E, Mismatch>>;

/// A provider's `parse`: the typed event of a listed kind, else the generic form.
pub(crate) fn parse_with<E>(
    kind: Option<&str>,
    body: &[u8],
    typed: Typed<E>,
    other: fn(Option<String>, Value) -> E,
) -> Result<E, Error> {
    let Some(kind) = kind else {
        return Ok(other(None, generic(body)?));
    };
    match typed(kind, body) {
        Some(Ok(event)) => Ok(event),
        Some(Err(Mismatch::NotJson)) => Err(not_json()),
        Some(Err(Mismatch::At(path, why))) => Err(Error::new(
            ErrorCode::InvalidPayload,
            format!("the {kind} payload does not match its schema: {path} {why}"),
        )),
        None => Ok(other(Some(kind.to_owned()), generic(body)?)),
    }
}

/// The body as one struct, or where it breaks the struct's types.
pub(crate) fn typed<T: DeserializeOwned>(body: &[u8]) -> Result<T, Mismatch> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        if e.inner().is_data() {
            let mut path = json_path(e.path());
            let why = why(&e.inner().to_string(), &mut path);
            Mismatch::At(path, why)
        } else {
            Mismatch::NotJson
        }
    })?;
    de.end().map_err(|_| Mismatch::NotJson)?;
    Ok(value)
}

/// What serde's message says is wrong, without the value it quotes: serde names a
/// missing field (`missing field `x``, appended to `path`) and a wrong type (`invalid
/// type: string "…", expected f64`), whose two types are kept and the value dropped.
fn why(message: &str, path: &mut String) -> String {
    if let Some((name, _)) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
    {
        path.push('.');
        path.push_str(name);
        return "is missing".into();
    }
    let types = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.rsplit_once(", expected "));
    let named = types.and_then(|(got, expected)| Some((json_type(got)?, json_type(expected)?)));
    match named {
        Some((got, expected)) => format!("must be {expected}, not {got}"),
        None => "does not match".into(),
    }
}

/// The JSON type serde names (`string "…"`, `f64`, `struct Deal`, `a sequence`), as
/// people say it.
fn json_type(serde: &str) -> Option<&'static str> {
    let word = serde.trim_start_matches("a ").trim_start_matches("an ");
    Some(match word.split([' ', '`']).next()? {
        "string" => "a string",
        "f64" | "floating" => "a number",
        "i64" | "u64" | "integer" => "an integer",
        "boolean" => "a boolean",
        "null" | "unit" => "null",
        "map" | "struct" => "an object",
        "sequence" => "an array",
        _ => return None,
    })
}

/// `$.data.items[0]`: the path of a field, with none of its value.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Enum { variant } => {
                out.push('.');
                out.push_str(variant);
            }
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

fn generic(body: &[u8]) -> Result<Value, Error> {
    serde_json::from_slice(body).map_err(|_| not_json())
}

fn not_json() -> Error {
    Error::new(ErrorCode::InvalidPayload, "the body ($) is not JSON")
}

pub(crate) fn to_value<T: Serialize>(event: &T) -> Value {
    serde_json::to_value(event).expect("a parsed event is JSON again")
}
