//! The verifier: the order of checks of `docs/schemes.md`, run over bytes.

use crate::clock::unix_now;
use crate::envelope::Envelope;
use crate::error::{err, Detail, Error, ErrorCode};
use crate::explain::AltKeys;
use crate::headers::Headers;
use crate::options::{Content, Options, Tolerance, Wire};
use crate::parse::{self, Parsed};
use crate::scheme::Scheme;
use crate::secret::{Key, Message, Role, Secret};
use std::borrow::Cow;
use std::fmt;

/// Verifies one scheme's webhooks against one or more secrets (several during a rotation).
///
/// Build it once at start-up and share it: key state is computed here, not per request,
/// and verification takes `&self`, so one verifier serves every thread.
///
/// ```
/// use hookseal::{Scheme, Signer, Verifier};
/// let body = br#"{"event_kind":"badge.awarded","delivery_id":"d_1"}"#;
/// let headers = Signer::new(Scheme::SalesLab, "sl_secret").unwrap().sign(body, None).unwrap();
///
/// let verifier = Verifier::new(Scheme::SalesLab, &["sl_old", "sl_secret"]).unwrap();
/// let verified = verifier.verify(&headers, body).unwrap();
/// assert_eq!(verified.secret_index, 1);
/// assert_eq!(verified.envelope().event_id.as_deref(), Some("d_1"));
/// ```
#[derive(Clone)]
pub struct Verifier {
    pub(crate) wire: Wire,
    /// One key per configured secret, in the configured order (`secret_index`).
    pub(crate) keys: Vec<Key>,
    /// Each key's `not_after` (unix seconds), `None` for one that never retires.
    pub(crate) not_after: Vec<Option<i64>>,
    /// Keys of each secret's usual copying mistakes, for `explain` only (explain.rs).
    pub(crate) alt: AltKeys,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("scheme", &self.wire.scheme)
            .field("secrets", &format_args!("[{} redacted]", self.keys.len()))
            .field("not_after", &self.not_after)
            .field("tolerance", &self.wire.tolerance)
            .field("max_body", &self.wire.max_body)
            .finish()
    }
}

/// A delivery that passed verification.
///
/// The envelope (kind, event id, tenant, idempotency key) is read from the body only when
/// asked for, with [`Verified::envelope`], so that verification never parses JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified<'a> {
    /// The scheme that verified it.
    pub scheme: Scheme,
    /// The signed timestamp (timestamped schemes), unix seconds.
    pub timestamp: Option<u64>,
    /// Which configured secret matched (0 for the first).
    pub secret_index: usize,
    /// The raw body, as verified.
    pub body: &'a [u8],
    /// A signed id header (`webhook-id`, a custom `id_header`).
    pub(crate) signed_id: Option<Cow<'a, [u8]>>,
    /// Unsigned envelope headers: used for `kind`/`event_id` only when the body lacks them.
    pub(crate) header_kind: Option<Cow<'a, [u8]>>,
    pub(crate) header_id: Option<Cow<'a, [u8]>>,
}

impl Verifier {
    /// A verifier with the scheme's defaults. `secrets` are tried in order.
    ///
    /// Errors: `invalid_secret` for no secret, an empty one, one with leading or trailing
    /// whitespace, or a standard-webhooks secret that is neither base64 (`whsec_`) nor a
    /// valid `whpk_` public key.
    pub fn new<S: AsRef<[u8]>>(scheme: Scheme, secrets: &[S]) -> Result<Verifier, Error> {
        Verifier::with_options(scheme, secrets, &Options::default())
    }

    /// A verifier with options (see [`Options`]); an option the scheme does not take is
    /// `invalid_option`.
    ///
    /// ```
    /// use hookseal::{Options, Scheme, Verifier};
    /// let opts = Options { header: Some("x-salescaling-token".into()), ..Options::default() };
    /// let v = Verifier::with_options(Scheme::Salescaling, &["tok_123"], &opts).unwrap();
    /// assert!(v.verify(&[("X-Salescaling-Token", "tok_123")], b"{}").is_ok());
    /// assert_eq!(v.header_names(), ["x-salescaling-token"]);
    /// ```
    pub fn with_options<S: AsRef<[u8]>>(
        scheme: Scheme,
        secrets: &[S],
        options: &Options,
    ) -> Result<Verifier, Error> {
        let secrets = secrets.iter().map(|s| (s.as_ref(), None));
        Verifier::build(scheme, secrets, options)
    }

    /// A verifier whose secrets may retire: each [`Secret`] verifies while `now <=` its
    /// `not_after` and is skipped after (a delivery signed only with it is then
    /// `signature_mismatch`). `secret_index` still indexes `secrets` as given.
    ///
    /// ```
    /// use hookseal::{Options, Scheme, Secret, Signer, Verifier};
    /// let old = Secret::new("whsec_old").not_after(1_700_000_000);
    /// let v = Verifier::with_secrets(Scheme::Salesbooth, &[Secret::new("whsec_new"), old], &Options::default())
    ///     .unwrap();
    /// let h = Signer::new(Scheme::Salesbooth, "whsec_new").unwrap().sign(b"{}", Some(1_700_000_500)).unwrap();
    /// assert_eq!(v.verify_at(&h, b"{}", 1_700_000_500).unwrap().secret_index, 0);
    /// ```
    pub fn with_secrets(
        scheme: Scheme,
        secrets: &[Secret],
        options: &Options,
    ) -> Result<Verifier, Error> {
        let secrets = secrets.iter().map(|s| (s.value.as_slice(), s.not_after));
        Verifier::build(scheme, secrets, options)
    }

    fn build<'s>(
        scheme: Scheme,
        secrets: impl ExactSizeIterator<Item = (&'s [u8], Option<i64>)>,
        options: &Options,
    ) -> Result<Verifier, Error> {
        let wire = Wire::resolve(scheme, options)?;
        if secrets.len() == 0 {
            return err(ErrorCode::InvalidSecret, "no secret was given");
        }
        let mut keys = Vec::with_capacity(secrets.len());
        let mut not_after = Vec::with_capacity(secrets.len());
        let mut alt = AltKeys::default();
        for (i, (secret, retires)) in secrets.enumerate() {
            keys.push(Key::new(
                &wire.format,
                secret,
                Role::Verify,
                &format!("secret {i}"),
            )?);
            not_after.push(retires);
            alt.add(&wire.format, i, secret);
        }
        Ok(Verifier {
            wire,
            keys,
            not_after,
            alt,
        })
    }

    /// The resolved wire format (for diagnosis).
    pub(crate) fn wire(&self) -> &Wire {
        &self.wire
    }

    /// Whether the secret at `index` has retired at `now` (its `not_after` is past).
    pub(crate) fn is_retired(&self, index: usize, now: i64) -> bool {
        self.not_after
            .get(index)
            .copied()
            .flatten()
            .is_some_and(|t| now > t)
    }

    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        self.wire.scheme
    }

    /// The largest body accepted, in bytes.
    pub fn max_body(&self) -> usize {
        self.wire.max_body
    }

    /// The timestamp tolerance (`Off` for schemes that sign no timestamp).
    pub fn tolerance(&self) -> Tolerance {
        self.wire.tolerance
    }

    /// The lowercase names of the only headers this verifier reads: the signature
    /// header first. A binding extracts just these from its runtime's header object.
    pub fn header_names(&self) -> &[String] {
        &self.wire.headers
    }

    /// The signature header's format, as people read it: `sha256=<hex>`,
    /// `t=<ts>,v1=<hex>`, `v1,<base64>`, `Bearer <token>`. What
    /// what a [`Detail::Format`] error expected.
    ///
    /// ```
    /// use hookseal::{Scheme, Verifier};
    /// let v = Verifier::new(Scheme::Stripe, &["whsec_x"]).unwrap();
    /// assert_eq!(v.signature_format(), "t=<ts>,v1=<hex>");
    /// ```
    pub fn signature_format(&self) -> String {
        self.wire.format.describe()
    }

    /// How many of [`Verifier::header_names`] verification reads: the first ones (the
    /// signature header, then the timestamp and id headers it signs). The names after
    /// them feed only the envelope, so a binding on a hot path can pass just these values
    /// to `verify` and look the others up when the envelope is asked for.
    ///
    /// ```
    /// use hookseal::{Scheme, Verifier};
    /// let v = Verifier::new(Scheme::SalesLab, &["s"]).unwrap();
    /// assert_eq!(v.header_names()[..v.verify_header_count()], ["x-saleslab-signature"]);
    /// let v = Verifier::new(Scheme::StandardWebhooks, &["whsec_c2VjcmV0"]).unwrap();
    /// assert_eq!(v.verify_header_count(), 3);
    /// ```
    pub fn verify_header_count(&self) -> usize {
        self.wire.verify_headers()
    }

    /// Verifies a delivery against the system clock.
    ///
    /// On targets without a clock (`wasm32-unknown-unknown`), use [`Verifier::verify_at`].
    pub fn verify<'a, H: Headers + ?Sized>(
        &self,
        headers: &'a H,
        body: &'a [u8],
    ) -> Result<Verified<'a>, Error> {
        match unix_now() {
            Some(now) => self.verify_at(headers, body, now),
            // Without a clock, a secret's `not_after` could not be honoured either.
            None if self.wire.tolerance == Tolerance::Off
                && self.not_after.iter().all(Option::is_none) =>
            {
                self.verify_at(headers, body, 0)
            }
            None => err(
                ErrorCode::InvalidOption,
                "this target has no clock: pass the time with verify_at",
            ),
        }
    }

    /// Verifies a delivery as if the time were `now` (unix seconds): for tests, and for
    /// replays of captured requests.
    ///
    /// ```
    /// use hookseal::{ErrorCode, Scheme, Signer, Verifier};
    /// let signer = Signer::new(Scheme::Salesbooth, "whsec_test").unwrap();
    /// let headers = signer.sign(b"{}", Some(1_700_000_000)).unwrap();
    /// let v = Verifier::new(Scheme::Salesbooth, &["whsec_test"]).unwrap();
    /// assert!(v.verify_at(&headers, b"{}", 1_700_000_300).is_ok());
    /// let stale = v.verify_at(&headers, b"{}", 1_700_000_301).unwrap_err();
    /// assert_eq!(stale.code(), ErrorCode::TimestampTooOld);
    /// ```
    pub fn verify_at<'a, H: Headers + ?Sized>(
        &self,
        headers: &'a H,
        body: &'a [u8],
        now: i64,
    ) -> Result<Verified<'a>, Error> {
        self.run(headers, body, Some(now), |message, parsed| {
            self.keys
                .iter()
                .enumerate()
                .position(|(i, k)| !self.is_retired(i, now) && k.matches(message, parsed))
        })
    }

    /// Runs the checks of [`Verifier::verify_at`] with `keys` in place of the configured
    /// ones, none retired, and without the tolerance check when `now` is `None`:
    /// `secret_index` is then an index into `keys`. For diagnosis (would another key, or
    /// a retired one, have matched?).
    pub(crate) fn try_keys<'a, H: Headers + ?Sized>(
        &self,
        keys: &[Key],
        headers: &'a H,
        body: &'a [u8],
        now: Option<i64>,
    ) -> Result<Verified<'a>, Error> {
        self.run(headers, body, now, |message, parsed| {
            keys.iter().position(|k| k.matches(message, parsed))
        })
    }

    /// The order of checks; `pick` is step 7, the index of the key that matches.
    fn run<'a, H: Headers + ?Sized>(
        &self,
        headers: &'a H,
        body: &'a [u8],
        now: Option<i64>,
        pick: impl FnOnce(&Message<'_>, &Parsed<'_>) -> Option<usize>,
    ) -> Result<Verified<'a>, Error> {
        let wire = &self.wire;
        // 1. size
        if body.len() > wire.max_body {
            let (size, limit) = (body.len(), wire.max_body);
            return Err(Error::new(
                ErrorCode::PayloadTooLarge,
                format!("the body is {size} bytes; the limit is {limit}"),
            )
            .with_detail(Detail::TooLarge { size, limit }));
        }
        let header = |slot: Option<usize>| wire.value(headers, slot);
        // 2. presence of the signature (and of a signed id)
        let sig = present(header(Some(0)), &wire.headers[0])?;
        let signed_id = match wire.id_header {
            Some(i) => Some(present(header(Some(i)), &wire.headers[i])?),
            None => None,
        };
        // 3. format
        let parsed = parse::signature(&wire.format, &sig)?;
        // 4–6. timestamp
        let ts_header = wire.ts_header.and_then(|i| header(Some(i)));
        let ts_value = match (&parsed, wire.ts_header) {
            (
                Parsed::Digests {
                    inline_ts: Some(t), ..
                },
                _,
            ) => Some(*t),
            // A timestamp header that is empty counts as absent, as for the signature header.
            (_, Some(_)) => ts_header.as_deref().filter(|v| !v.is_empty()),
            _ => None,
        };
        let timestamp = if wire.content.has_ts() {
            // A Stripe `t=` item that is present but empty is malformed, not missing.
            let Some(value) = ts_value else {
                let missing = Error::new(
                    ErrorCode::MissingTimestamp,
                    "the delivery carries no timestamp",
                );
                // Stripe's timestamp is an item of the signature header, not a header.
                return Err(match wire.ts_header {
                    Some(i) => missing.with_detail(Detail::MissingHeader {
                        header: wire.headers[i].clone(),
                        empty: ts_header.is_some(),
                    }),
                    None => missing,
                });
            };
            let ts = parse::timestamp(value)?;
            if let Some(now) = now {
                check_tolerance(wire.tolerance, ts, now)?;
            }
            Some((ts, value))
        } else {
            None
        };
        // 7. signature
        let ts_bytes = timestamp.map_or(&b""[..], |(_, v)| v);
        let id_bytes = signed_id.as_deref().unwrap_or_default();
        let content: &[&[u8]] = match wire.content {
            Content::Body => &[body],
            Content::TsBody => &[ts_bytes, b".", body],
            Content::IdTsBody => &[id_bytes, b".", ts_bytes, b".", body],
        };
        let Some(secret_index) = pick(&Message::new(content), &parsed) else {
            return err(
                ErrorCode::SignatureMismatch,
                "no configured secret matches the signature",
            );
        };
        Ok(Verified {
            scheme: wire.scheme,
            timestamp: timestamp.map(|(ts, _)| ts),
            secret_index,
            body,
            signed_id,
            header_kind: header(wire.kind_header),
            header_id: header(wire.unsigned_id_header),
        })
    }

    /// The envelope of a delivery that [`Verifier::verify`] accepted, from the same
    /// headers and body. For bindings that hand the verified result to another runtime
    /// and read the envelope only when it is asked for; Rust code calls
    /// [`Verified::envelope`] instead. It does not verify anything.
    ///
    /// ```
    /// use hookseal::{Scheme, Verifier};
    /// let v = Verifier::new(Scheme::SalesLab, &["s"]).unwrap();
    /// let env = v.envelope(&[("x-saleslab-event", "badge.awarded")], b"not json");
    /// assert_eq!(env.kind.as_deref(), Some("badge.awarded"));
    /// assert_eq!(env.idempotency_key.len(), 64);
    /// ```
    pub fn envelope<H: Headers + ?Sized>(&self, headers: &H, body: &[u8]) -> Envelope {
        let wire = &self.wire;
        let header = |slot: Option<usize>| wire.value(headers, slot);
        crate::envelope::read(
            wire.scheme,
            body,
            header(wire.id_header).as_deref(),
            header(wire.kind_header).as_deref(),
            header(wire.unsigned_id_header).as_deref(),
        )
    }
}

fn present<'a>(value: Option<Cow<'a, [u8]>>, name: &str) -> Result<Cow<'a, [u8]>, Error> {
    let empty = match value {
        Some(v) if !v.is_empty() => return Ok(v),
        Some(_) => true,
        None => false,
    };
    let how = if empty { "empty" } else { "missing" };
    Err(Error::new(
        ErrorCode::MissingSignature,
        format!("header {name} is {how}"),
    )
    .with_detail(Detail::MissingHeader {
        header: name.to_owned(),
        empty,
    }))
}

fn check_tolerance(tolerance: Tolerance, ts: u64, now: i64) -> Result<(), Error> {
    let Tolerance::Seconds(tol) = tolerance else {
        return Ok(());
    };
    let age = i128::from(now) - i128::from(ts);
    let (code, message) = if age > i128::from(tol) {
        (
            ErrorCode::TimestampTooOld,
            format!("the timestamp is {age} s old; the tolerance is {tol} s"),
        )
    } else if -age > i128::from(tol) {
        (
            ErrorCode::TimestampTooNew,
            format!(
                "the timestamp is {} s in the future; the tolerance is {tol} s",
                -age
            ),
        )
    } else {
        return Ok(());
    };
    Err(Error::new(code, message).with_detail(Detail::Skew {
        timestamp: ts,
        now,
        tolerance: tol,
    }))
}
