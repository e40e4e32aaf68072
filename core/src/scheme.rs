//! The scheme ids and what each one puts on the wire.

use crate::error::{err, Error, ErrorCode};
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
}

impl Scheme {
    /// Every scheme, in the order `detect` tries the fixed ones.
    pub const ALL: [Scheme; 8] = [
        Scheme::SalesLab,
        Scheme::SalesOs,
        Scheme::Salesbooth,
        Scheme::Salescaling,
        Scheme::StandardWebhooks,
        Scheme::Stripe,
        Scheme::Github,
        Scheme::Custom,
    ];

    /// The scheme's id.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::SalesLab => "saleslab",
            Scheme::SalesOs => "salesos",
            Scheme::Salesbooth => "salesbooth",
            Scheme::Salescaling => "salescaling",
            Scheme::StandardWebhooks => "standard-webhooks",
            Scheme::Stripe => "stripe",
            Scheme::Github => "github",
            Scheme::Custom => "custom",
        }
    }

    /// Whether the scheme signs a timestamp (and so checks a tolerance) by default.
    /// `custom` is timestamped when its `content` includes `ts`.
    pub const fn is_timestamped(self) -> bool {
        matches!(
            self,
            Scheme::Salesbooth | Scheme::StandardWebhooks | Scheme::Stripe
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
        match self {
            Scheme::SalesLab => Some("x-saleslab-signature"),
            Scheme::SalesOs => Some("x-salesos-signature"),
            Scheme::Salesbooth => Some("x-salesbooth-signature"),
            Scheme::StandardWebhooks => Some("webhook-signature"),
            Scheme::Stripe => Some("stripe-signature"),
            Scheme::Github => Some("x-hub-signature-256"),
            Scheme::Salescaling | Scheme::Custom => None,
        }
    }
}

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
