//! # hookseal
//!
//! Verifies (and signs) the webhooks that sales platforms send — SalesLab, SalesOS,
//! Salesbooth, Salescaling — plus Standard Webhooks, Stripe, GitHub, and any HMAC scheme
//! of the same family by configuration. One core, the same answer in every runtime.
//!
//! ```
//! use hookseal::{ErrorCode, Scheme, Signer, Verifier};
//!
//! // At start-up: one verifier per endpoint, several secrets during a rotation.
//! let verifier = Verifier::new(Scheme::Salesbooth, &["whsec_new", "whsec_old"]).unwrap();
//!
//! // What Salesbooth sends (here made with the signer):
//! let body = br#"{"event":"deal.created","tenant_id":"tenant_abc123","data":{}}"#;
//! let headers = Signer::new(Scheme::Salesbooth, "whsec_old").unwrap()
//!     .sign(body, Some(1_700_000_000)).unwrap();
//!
//! // In the handler: the raw body bytes and the request headers.
//! let verified = verifier.verify_at(&headers, body, 1_700_000_100).unwrap();
//! assert_eq!(verified.secret_index, 1);
//! let envelope = verified.envelope();
//! assert_eq!(envelope.kind.as_deref(), Some("deal.created"));
//! assert_eq!(envelope.tenant.as_deref(), Some("tenant_abc123"));
//!
//! // A tampered body is a typed error with a stable code.
//! let err = verifier.verify_at(&headers, b"{}", 1_700_000_100).unwrap_err();
//! assert_eq!(err.code(), ErrorCode::SignatureMismatch);
//! assert_eq!(err.http_status(), 401);
//! ```
//!
//! The exact rules of every scheme are in `docs/schemes.md`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod clock;
mod codec;
mod detect;
mod envelope;
mod error;
mod explain;
mod headers;
mod options;
mod parse;
pub mod receive;
mod scheme;
mod secret;
mod sign;
mod verify;

pub use detect::detect;
pub use envelope::Envelope;
pub use error::{Detail, Error, ErrorCode};
pub use explain::{explain_detect, explain_secrets, Explanation, Finding, FINDING_CODES};
pub use headers::{wire_bytes, Headers};
pub use options::{
    max_body_from_number, Content, Encoding, Options, Tolerance, DEFAULT_MAX_BODY,
    DEFAULT_TOLERANCE, MAX_HEADER_NAMES, OPTION_NAMES,
};
pub use parse::MAX_SIGNATURES;
pub use scheme::{schemes_json, Layout, Scheme, SchemeInfo, SCHEMES, SCHEMES_JSON};
pub use secret::Secret;
pub use sign::Signer;
pub use verify::{Verified, Verifier};
