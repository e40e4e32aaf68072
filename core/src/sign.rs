//! The signer: produces the headers a provider would send. For tests, for the
//! `hookseal send` simulator, and for services that emit these webhooks themselves.

use crate::clock::unix_now;
use crate::codec::{base64_encode, hex_encode};
use crate::error::{err, Error, ErrorCode};
use crate::options::{Content, Encoding, Format, Options, Wire};
use crate::scheme::Scheme;
use crate::secret::{sha256, Key, Role};
use std::fmt;

/// Signs bodies for one scheme with one secret. For Standard Webhooks, a `whsec_` secret
/// signs `v1,<base64>` (HMAC) and a `whsk_` secret key `v1a,<base64>` (Ed25519).
///
/// ```
/// use hookseal::{Scheme, Signer};
/// let signer = Signer::new(Scheme::Salesbooth, "whsec_test").unwrap();
/// let headers = signer.sign(b"{}", Some(1_700_000_000)).unwrap();
/// assert_eq!(headers[0], ("x-salesbooth-timestamp".to_string(), "1700000000".to_string()));
/// assert_eq!(headers[1].0, "x-salesbooth-signature");
/// assert!(headers[1].1.starts_with("v1="));
/// ```
#[derive(Clone)]
pub struct Signer {
    wire: Wire,
    key: Key,
    /// Only for token schemes: the token itself, sent as-is.
    token: Option<String>,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("scheme", &self.wire.scheme)
            .field("secret", &"[redacted]")
            .finish()
    }
}

impl Signer {
    /// A signer with the scheme's defaults.
    pub fn new(scheme: Scheme, secret: impl AsRef<[u8]>) -> Result<Signer, Error> {
        Signer::with_options(scheme, secret, &Options::default())
    }

    /// A signer with options (`header`, `prefix` for salescaling; the custom options).
    pub fn with_options(
        scheme: Scheme,
        secret: impl AsRef<[u8]>,
        options: &Options,
    ) -> Result<Signer, Error> {
        let wire = Wire::resolve(scheme, options)?;
        let secret = secret.as_ref();
        let key = Key::new(&wire.format, secret, Role::Sign, "the secret")?;
        let token = match wire.format {
            Format::Token { .. } => match std::str::from_utf8(secret) {
                Ok(t) if t.bytes().all(|b| b.is_ascii_graphic()) => Some(t.to_owned()),
                _ => {
                    return err(
                        ErrorCode::InvalidSecret,
                        "a token must be visible ASCII to fit in a header",
                    )
                }
            },
            _ => None,
        };
        Ok(Signer { wire, key, token })
    }

    /// The headers to send with `body`: lowercase names, in the order id, timestamp,
    /// signature. `timestamp` (unix seconds) defaults to now for timestamped schemes.
    pub fn sign(
        &self,
        body: &[u8],
        timestamp: Option<i64>,
    ) -> Result<Vec<(String, String)>, Error> {
        self.sign_with_id(body, timestamp, None)
    }

    /// Like [`Signer::sign`], with the message id of schemes that sign one
    /// (`standard-webhooks`, custom `id.ts.body`). Without one, the id is `msg_` and the
    /// first 24 hex digits of SHA-256 of `ts.body`, so re-signing is deterministic.
    ///
    /// ```
    /// use hookseal::{Scheme, Signer};
    /// let signer = Signer::new(Scheme::StandardWebhooks, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    /// let h = signer.sign_with_id(b"{}", Some(1_700_000_000), Some("msg_1")).unwrap();
    /// assert_eq!(h[0], ("webhook-id".to_string(), "msg_1".to_string()));
    /// assert!(h[2].1.starts_with("v1,"));
    ///
    /// // With a whsk_ secret key (the base64 of its 32-byte seed): Ed25519, `v1a`.
    /// let signer = Signer::new(Scheme::StandardWebhooks, "whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=").unwrap();
    /// let h = signer.sign_with_id(b"{}", Some(1_700_000_000), Some("msg_1")).unwrap();
    /// assert!(h[2].1.starts_with("v1a,"));
    /// ```
    pub fn sign_with_id(
        &self,
        body: &[u8],
        timestamp: Option<i64>,
        id: Option<&str>,
    ) -> Result<Vec<(String, String)>, Error> {
        let wire = &self.wire;
        let names = &wire.headers;
        let ts = match (wire.content.has_ts(), timestamp.or_else(unix_now)) {
            (false, _) => String::new(),
            (true, Some(ts)) if ts >= 0 => ts.to_string(),
            (true, Some(_)) => {
                return err(ErrorCode::InvalidOption, "timestamp must not be negative")
            }
            (true, None) => {
                return err(
                    ErrorCode::InvalidOption,
                    "this target has no clock: pass a timestamp",
                )
            }
        };
        let id = match (wire.content, id) {
            (Content::IdTsBody, Some(id)) if !id.is_empty() => id.to_owned(),
            (Content::IdTsBody, _) => {
                let digest = sha256(&[ts.as_bytes(), b".", body].concat());
                format!("msg_{}", &hex_encode(&digest)[..24])
            }
            _ => String::new(),
        };
        let content: &[&[u8]] = match wire.content {
            Content::Body => &[body],
            Content::TsBody => &[ts.as_bytes(), b".", body],
            Content::IdTsBody => &[id.as_bytes(), b".", ts.as_bytes(), b".", body],
        };
        let mac = self.key.mac(content).unwrap_or_default();
        let signature = match &wire.format {
            Format::Prefixed {
                prefix,
                encoding: Encoding::Hex,
            } => format!("{prefix}{}", hex_encode(&mac)),
            Format::Prefixed {
                prefix,
                encoding: Encoding::Base64,
            } => format!("{prefix}{}", base64_encode(&mac)),
            Format::Stripe => format!("t={ts},v1={}", hex_encode(&mac)),
            Format::StandardWebhooks => match self.key.ed25519_sign(content) {
                Some(sig) => format!("v1a,{}", base64_encode(&sig)),
                None => format!("v1,{}", base64_encode(&mac)),
            },
            Format::Token { prefix } => {
                let token = self.token.as_deref().unwrap_or_default();
                return Ok(vec![(names[0].clone(), format!("{prefix}{token}"))]);
            }
        };
        let mut headers = Vec::with_capacity(3);
        if let Some(i) = wire.id_header {
            headers.push((names[i].clone(), id));
        }
        if let Some(i) = wire.ts_header {
            headers.push((names[i].clone(), ts));
        }
        headers.push((names[0].clone(), signature));
        Ok(headers)
    }
}
