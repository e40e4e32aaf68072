//! Why a delivery was rejected, in words. After the checks of `docs/schemes.md` fail, the
//! usual mistakes are undone one at a time — a `whsec_` prefix added or dropped, the body
//! as it was before a framework re-serialized it, a trailing newline lost on the way, the
//! timestamp tolerance — and the ones that make the delivery verify are named. The finding
//! codes and what each means are in `docs/explain.md`.
//!
//! An explanation says more than "rejected", so it is for development only (SECURITY.md,
//! "Diagnosis and signing oracles"). It never holds a secret, a signature, or the
//! signature a secret would give: only which configured secret (by index) and which
//! variation verified.

mod layout;

use crate::detect::detect;
use crate::error::{Detail, Error, ErrorCode};
use crate::headers::Headers;
use crate::options::{Encoding, Format, Options, Wire};
use crate::parse;
use crate::scheme::Scheme;
use crate::secret::{Key, Role};
use crate::verify::Verifier;
use layout::{relayout, Layout};
use std::fmt;

/// Every finding code, in the order `docs/explain.md` describes them. Stable: bindings
/// pass them through as strings, and scripts may match on them.
pub const FINDING_CODES: [&str; 15] = [
    SECRET_WHITESPACE,
    MISSING_WHSEC_PREFIX,
    EXTRA_WHSEC_PREFIX,
    SECRET_RETIRED,
    BODY_RESERIALIZED,
    TRAILING_NEWLINE_LOST,
    TRAILING_NEWLINE_ADDED,
    CLOCK_SKEW,
    WRONG_SCHEME,
    TRUNCATED_SIGNATURE,
    NO_SIGNATURE_HEADER,
    SCHEME_NOT_DETECTED,
    UNDETECTABLE_SCHEME,
    NO_KNOWN_MISTAKE,
    TOKEN_PREFIX,
];

const SECRET_WHITESPACE: &str = "secret_whitespace";
const MISSING_WHSEC_PREFIX: &str = "missing_whsec_prefix";
const EXTRA_WHSEC_PREFIX: &str = "extra_whsec_prefix";
const SECRET_RETIRED: &str = "secret_retired";
const BODY_RESERIALIZED: &str = "body_reserialized";
const TRAILING_NEWLINE_LOST: &str = "trailing_newline_lost";
const TRAILING_NEWLINE_ADDED: &str = "trailing_newline_added";
const CLOCK_SKEW: &str = "clock_skew";
const WRONG_SCHEME: &str = "wrong_scheme";
const TRUNCATED_SIGNATURE: &str = "truncated_signature";
const NO_SIGNATURE_HEADER: &str = "no_signature_header";
const SCHEME_NOT_DETECTED: &str = "scheme_not_detected";
const UNDETECTABLE_SCHEME: &str = "undetectable_scheme";
const NO_KNOWN_MISTAKE: &str = "no_known_mistake";
const TOKEN_PREFIX: &str = "token_prefix";

/// How providers display many secrets. Adding or dropping it is a copying mistake to try;
/// whether the variant verifies is the verifier's answer.
const WHSEC: &[u8] = b"whsec_";

/// One likely cause of a rejection: a stable code (see [`FINDING_CODES`]) and a sentence
/// for the developer. The sentence names secrets by their index, never by value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable snake_case code.
    pub code: &'static str,
    /// What was found and what to do about it.
    pub message: String,
}

/// The outcome of a verification and, when it failed, its likely causes.
///
/// ```
/// use hookseal::{ErrorCode, Scheme, Signer, Verifier};
/// let body = br#"{"id":"evt_1","type":"deal.won"}"#;
/// // SalesOS shows its secret as whsec_…; the receiver configured it without the prefix.
/// let headers = Signer::new(Scheme::SalesOs, "whsec_k").unwrap().sign(body, None).unwrap();
/// let verifier = Verifier::new(Scheme::SalesOs, &["k"]).unwrap();
///
/// let why = verifier.explain(&headers, body);
/// assert!(!why.ok);
/// assert_eq!(why.code, Some(ErrorCode::SignatureMismatch));
/// assert_eq!(why.findings[0].code, "missing_whsec_prefix");
/// assert!(why.to_json().starts_with(r#"{"ok":false,"code":"signature_mismatch","message":"#));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// Whether the delivery verified (or, for [`explain_detect`], the scheme was found).
    pub ok: bool,
    /// The error code of the rejection; `None` when `ok`.
    pub code: Option<ErrorCode>,
    /// The core's message for the rejection (or what verified).
    pub message: String,
    /// The likely causes, most specific first; empty when nothing more is known.
    pub findings: Vec<Finding>,
}

impl Explanation {
    fn verified(message: String) -> Explanation {
        Explanation {
            ok: true,
            code: None,
            message,
            findings: Vec::new(),
        }
    }

    fn rejected(e: &Error, findings: Vec<Finding>) -> Explanation {
        Explanation {
            ok: false,
            code: Some(e.code()),
            message: e.message().to_owned(),
            findings,
        }
    }

    /// Whether a finding with `code` is among the findings.
    pub fn has(&self, code: &str) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    /// The explanation as one line of JSON, the shape every runtime returns:
    /// `{"ok":false,"code":"signature_mismatch","message":"…","findings":[{"code":"…","message":"…"}]}`
    /// (`"code":null` when `ok`).
    pub fn to_json(&self) -> String {
        let text = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        let code = self.code.map_or("null".to_owned(), |c| text(c.as_str()));
        let findings: Vec<String> = self
            .findings
            .iter()
            .map(|f| {
                format!(
                    r#"{{"code":{},"message":{}}}"#,
                    text(f.code),
                    text(&f.message)
                )
            })
            .collect();
        format!(
            r#"{{"ok":{},"code":{code},"message":{},"findings":[{}]}}"#,
            self.ok,
            text(&self.message),
            findings.join(",")
        )
    }
}

fn finding(code: &'static str, message: String) -> Finding {
    Finding { code, message }
}

/// Keys for the usual copying mistakes of each configured secret (`whsec_` added, or
/// dropped), made once when the verifier is built: the verifier keeps key state only,
/// never a secret's bytes, and verification never uses these.
#[derive(Clone, Default)]
pub(crate) struct AltKeys(Vec<Alt>);

#[derive(Clone)]
struct Alt {
    /// The configured secret this is a variant of.
    index: usize,
    /// `missing_whsec_prefix` or `extra_whsec_prefix`.
    code: &'static str,
    key: Key,
}

impl fmt::Debug for AltKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AltKeys([{} redacted])", self.0.len())
    }
}

impl AltKeys {
    /// Adds the variant of the secret at `index` in `format`. Standard Webhooks takes
    /// the prefix or not alike, so it has none.
    pub(crate) fn add(&mut self, format: &Format, index: usize, secret: &[u8]) {
        if matches!(format, Format::StandardWebhooks) {
            return;
        }
        let (code, variant) = match secret.strip_prefix(WHSEC) {
            Some([]) => return,
            Some(rest) => (EXTRA_WHSEC_PREFIX, rest.to_vec()),
            None => (MISSING_WHSEC_PREFIX, [WHSEC, secret].concat()),
        };
        if let Ok(key) = Key::new(format, &variant, Role::Verify, "a variant") {
            self.0.push(Alt { index, code, key });
        }
    }

    fn finding(alt: &Alt) -> Finding {
        let i = alt.index;
        let message = if alt.code == MISSING_WHSEC_PREFIX {
            format!(
                "secret #{i} verifies with `whsec_` added in front: the prefix is part of the \
                 key; use the secret exactly as the provider shows it"
            )
        } else {
            format!(
                "secret #{i} verifies with its `whsec_` prefix removed: this sender signs with \
                 the secret without it"
            )
        };
        finding(alt.code, message)
    }
}

impl Verifier {
    /// Verifies a delivery against the system clock and, when it is rejected, says why:
    /// see [`Verifier::explain_at`].
    ///
    /// On targets without a clock (`wasm32-unknown-unknown`), use [`Verifier::explain_at`].
    pub fn explain<H: Headers + ?Sized>(&self, headers: &H, body: &[u8]) -> Explanation {
        match crate::clock::unix_now() {
            Some(now) => self.explain_at(headers, body, now),
            // Without a clock only a verifier that needs none can answer (see `verify`).
            None => match self.verify(headers, body) {
                Err(e) if e.code() == ErrorCode::InvalidOption => {
                    Explanation::rejected(&e, Vec::new())
                }
                _ => self.explain_at(headers, body, 0),
            },
        }
    }

    /// Verifies a delivery as if the time were `now` (unix seconds) and, when it is
    /// rejected, tries the usual mistakes one at a time and names the ones that make it
    /// verify (`docs/explain.md`). For development: never answer a request with it in
    /// production (SECURITY.md, "Diagnosis and signing oracles").
    ///
    /// ```
    /// use hookseal::{Scheme, Signer, Verifier};
    /// let signer = Signer::new(Scheme::Salesbooth, "whsec_k").unwrap();
    /// let headers = signer.sign(b"{}", Some(1_700_000_000)).unwrap();
    /// let v = Verifier::new(Scheme::Salesbooth, &["whsec_k"]).unwrap();
    ///
    /// let why = v.explain_at(&headers, b"{}", 1_700_000_000 + 3 * 3600 + 12 * 60);
    /// assert_eq!(why.findings[0].code, "clock_skew");
    /// assert!(why.findings[0].message.contains("3 h 12 min behind"));
    /// assert!(v.explain_at(&headers, b"{}", 1_700_000_000).ok);
    /// ```
    pub fn explain_at<H: Headers + ?Sized>(
        &self,
        headers: &H,
        body: &[u8],
        now: i64,
    ) -> Explanation {
        match self.verify_at(headers, body, now) {
            Ok(v) => Explanation::verified(format!("verified with secret #{}", v.secret_index)),
            Err(e) => {
                let trial = Trial {
                    v: self,
                    headers,
                    body,
                    now,
                    timed: true,
                };
                Explanation::rejected(&e, trial.diagnose(&e))
            }
        }
    }
}

/// Explains a delivery for secrets that may not make a verifier: a secret with leading or
/// trailing whitespace is refused when a verifier is built (`invalid_secret`), and this
/// says so (`secret_whitespace`) and goes on with the secrets trimmed, naming what else
/// is wrong. Otherwise it is [`Verifier::explain_at`] on the verifier the arguments make,
/// or the construction error.
///
/// ```
/// use hookseal::{explain_secrets, ErrorCode, Options, Scheme, Signer};
/// let headers = Signer::new(Scheme::SalesLab, "sl_k").unwrap().sign(b"{}", None).unwrap();
/// // The secret as a mounted secret file gives it: with a trailing newline.
/// let why = explain_secrets(Scheme::SalesLab, &["sl_k\n"], &Options::default(), &headers, b"{}", 0);
/// assert_eq!(why.code, Some(ErrorCode::InvalidSecret));
/// assert_eq!(why.findings[0].code, "secret_whitespace");
/// assert!(why.findings[0].message.contains("trimmed, it verifies"));
/// ```
pub fn explain_secrets<S: AsRef<[u8]>, H: Headers + ?Sized>(
    scheme: Scheme,
    secrets: &[S],
    options: &Options,
    headers: &H,
    body: &[u8],
    now: i64,
) -> Explanation {
    let built = Verifier::with_options(scheme, secrets, options);
    let padded: Vec<usize> = (0..secrets.len())
        .filter(|&i| {
            let s = secrets[i].as_ref();
            !s.trim_ascii().is_empty() && s.trim_ascii().len() != s.len()
        })
        .collect();
    if padded.is_empty() {
        return match built {
            Ok(v) => v.explain_at(headers, body, now),
            Err(e) => Explanation::rejected(&e, Vec::new()),
        };
    }
    let error = match built {
        // A verifier that takes such a secret, and a sender that signs with it as it is.
        Ok(v) => match v.verify_at(headers, body, now) {
            Ok(_) => return v.explain_at(headers, body, now),
            Err(e) => e,
        },
        Err(e) => e,
    };
    let trimmed: Vec<&[u8]> = secrets.iter().map(|s| s.as_ref().trim_ascii()).collect();
    let fixed = Verifier::with_options(scheme, &trimmed, options)
        .ok()
        .map(|v| v.explain_at(headers, body, now));
    let verdict = match &fixed {
        Some(x) if x.ok => "trimmed, it verifies this delivery",
        _ => "trimmed, it still does not verify this delivery",
    };
    let mut findings: Vec<Finding> = padded
        .iter()
        .map(|&i| {
            let s = secrets[i].as_ref();
            let lead = s.len() - s.trim_ascii_start().len();
            let trail = s.len() - s.trim_ascii_end().len();
            finding(
                SECRET_WHITESPACE,
                format!(
                    "secret #{i} has {lead} leading and {trail} trailing whitespace characters \
                     (a newline left by a secret file, `echo` without -n, or a .env line); \
                     {verdict}"
                ),
            )
        })
        .collect();
    findings.extend(fixed.into_iter().flat_map(|x| x.findings));
    Explanation::rejected(&error, findings)
}

/// Which scheme the headers belong to, as [`detect`](crate::detect) finds it, and when it
/// finds none, why: the headers it looks for, and the schemes no header identifies
/// (Salescaling's token header is configurable; `custom` reads the headers its options
/// name).
///
/// ```
/// use hookseal::explain_detect;
/// let why = explain_detect(&[("authorization", "Bearer sc_tok")]);
/// assert!(!why.ok);
/// assert_eq!(why.findings[1].code, "undetectable_scheme");
/// assert!(why.findings[1].message.contains("salescaling"));
/// assert!(explain_detect(&[("x-saleslab-signature", "sha256=00")]).ok);
/// ```
pub fn explain_detect<H: Headers + ?Sized>(headers: &H) -> Explanation {
    if let Some(s) = detect(headers) {
        let header = s.signature_header().unwrap_or_default();
        return Explanation::verified(format!("the request carries {header}: a {s} delivery"));
    }
    let looked: Vec<&str> = Scheme::ALL
        .iter()
        .filter_map(|s| s.signature_header())
        .collect();
    let mut findings = vec![finding(
        SCHEME_NOT_DETECTED,
        format!(
            "none of the signature headers detect looks for is present ({})",
            looked.join(", ")
        ),
    )];
    let hint = match headers.get("authorization") {
        Some(v)
            if v.get(..7)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"bearer ")) =>
        {
            "; this request has an `authorization: Bearer` header, as Salescaling sends by \
             default: name the scheme salescaling"
        }
        _ => "",
    };
    let undetectable: Vec<&str> = Scheme::ALL
        .iter()
        .filter(|s| s.signature_header().is_none())
        .map(|s| s.as_str())
        .collect();
    findings.push(finding(
        UNDETECTABLE_SCHEME,
        format!(
            "{} cannot be detected: salescaling sends a shared token in a header whose name is \
             configurable (default authorization, `Bearer <token>`), and custom reads the \
             headers its options name, so no fixed header identifies them; name the scheme, \
             with its header option when it is not the default{hint}",
            undetectable.join(" and ")
        ),
    ));
    Explanation::rejected(
        &Error::new(
            ErrorCode::MissingSignature,
            "no known signature header in the request",
        ),
        findings,
    )
}

/// One delivery being explained: the verifier, the headers and the clock. With `timed`
/// false, the tolerance is not checked (is the signature valid apart from the time?).
struct Trial<'a, H: ?Sized> {
    v: &'a Verifier,
    headers: &'a H,
    body: &'a [u8],
    now: i64,
    timed: bool,
}

impl<H: Headers + ?Sized> Trial<'_, H> {
    /// Whether `body` verifies with the configured secrets (retired ones skipped).
    fn verifies(&self, body: &[u8]) -> bool {
        if self.timed {
            return self.v.verify_at(self.headers, body, self.now).is_ok();
        }
        let v = self.v;
        (0..v.keys.len())
            .any(|i| !v.is_retired(i, self.now) && self.verifies_with(&v.keys[i], body))
    }

    /// Whether `body` verifies with `key` alone.
    fn verifies_with(&self, key: &Key, body: &[u8]) -> bool {
        let now = self.timed.then_some(self.now);
        self.v
            .try_keys(std::slice::from_ref(key), self.headers, body, now)
            .is_ok()
    }

    fn diagnose(&self, e: &Error) -> Vec<Finding> {
        let mut found = Vec::new();
        match e.code() {
            ErrorCode::MissingSignature => {
                self.other_headers(&mut found);
                if found.is_empty() {
                    found.push(no_signature_header(self.v, e));
                }
            }
            ErrorCode::MalformedSignature => {
                truncated(e, &mut found);
                self.other_headers(&mut found);
                if found.is_empty() {
                    other_format(self.v, self.headers, &mut found);
                }
                if found.is_empty() {
                    token_prefix(self.v, self.headers, &mut found);
                }
            }
            ErrorCode::MissingTimestamp | ErrorCode::MalformedTimestamp => {
                self.other_headers(&mut found);
            }
            ErrorCode::TimestampTooOld | ErrorCode::TimestampTooNew => {
                self.clock_skew(e, &mut found);
            }
            ErrorCode::SignatureMismatch => self.mismatch(&mut found),
            _ => {}
        }
        found
    }

    /// No configured secret matches: the variations, a retired secret, another scheme.
    fn mismatch(&self, found: &mut Vec<Finding>) {
        if self.variations(found) {
            return;
        }
        self.retired(found);
        if found.is_empty() {
            self.other_headers(found);
        }
        if found.is_empty() {
            found.push(finding(
                NO_KNOWN_MISTAKE,
                "no variation of the secrets or of the body verifies: the secret is another \
                 endpoint's or was rotated, or the body changed on the way"
                    .into(),
            ));
        }
    }

    /// Each body variant with the configured secrets, then each secret variant with the
    /// body and its variants; the first that verifies is reported.
    fn variations(&self, found: &mut Vec<Finding>) -> bool {
        let body = self.body;
        // A token signs no body: only the secret can be mistaken.
        let bodies = match self.v.wire.format {
            Format::Token { .. } => Vec::new(),
            _ => body_variants(body),
        };
        if let Some((_, f)) = bodies.iter().find(|(b, _)| self.verifies(b)) {
            found.push(f.clone());
            return true;
        }
        let alts = self.v.alt.0.iter();
        for alt in alts.filter(|a| !self.v.is_retired(a.index, self.now)) {
            if self.verifies_with(&alt.key, body) {
                found.push(AltKeys::finding(alt));
                return true;
            }
            if let Some((_, f)) = bodies.iter().find(|(b, _)| self.verifies_with(&alt.key, b)) {
                found.extend([AltKeys::finding(alt), f.clone()]);
                return true;
            }
        }
        false
    }

    /// A secret whose `not_after` has passed that would verify the delivery.
    fn retired(&self, found: &mut Vec<Finding>) {
        let v = self.v;
        for (index, key) in v.keys.iter().enumerate() {
            let Some(not_after) = v.not_after[index].filter(|_| v.is_retired(index, self.now))
            else {
                continue;
            };
            if self.verifies_with(key, self.body) {
                let ago = human(self.now.abs_diff(not_after));
                found.push(finding(
                    SECRET_RETIRED,
                    format!(
                        "secret #{index} verifies this delivery but retired {ago} ago \
                         (not_after {not_after}): the sender still signs with the old secret; \
                         rotate it there, or move not_after"
                    ),
                ));
            }
        }
    }

    /// The request carries another scheme's signature header (and not this one's).
    fn other_headers(&self, found: &mut Vec<Finding>) {
        let (v, headers) = (self.v, self.headers);
        let own = v.header_names()[0].as_str();
        let scheme = v.scheme();
        let present = |h: &str| {
            headers
                .get(h)
                .is_some_and(|h| !crate::headers::trim(&h).is_empty())
        };
        let Some((other, header)) = Scheme::ALL
            .into_iter()
            .filter(|s| *s != scheme)
            .filter_map(|s| Some((s, s.signature_header().filter(|h| *h != own)?)))
            .find(|(_, h)| present(h))
        else {
            return;
        };
        let said = match detect(headers) {
            Some(d) => format!(" (detect names {d})"),
            None => String::new(),
        };
        let tail = if self.verifies_as(other) {
            format!("; as {other}, the same secrets verify it")
        } else {
            String::new()
        };
        found.push(finding(
            WRONG_SCHEME,
            format!(
                "the request carries {header}, the signature header of {other}{said}, and this \
                 verifier is for {scheme}, which reads {own}{tail}"
            ),
        ));
    }

    /// Whether the configured secrets verify the delivery as `other`: only when both
    /// schemes key HMAC with the secret's bytes as they are, so the key state carries over.
    fn verifies_as(&self, other: Scheme) -> bool {
        let raw = |f: &Format| matches!(f, Format::Prefixed { .. } | Format::Stripe);
        let Ok(wire) = Wire::resolve(other, &Options::default()) else {
            return false;
        };
        if !(raw(&wire.format) && raw(&self.v.wire.format)) {
            return false;
        }
        let as_other = Verifier {
            wire,
            ..self.v.clone()
        };
        let trial = Trial {
            v: &as_other,
            ..*self
        };
        trial.verifies(self.body)
    }

    /// How far the signed timestamp is from the clock, and whether the signature is valid
    /// otherwise (a replay or a skewed clock rather than a forgery).
    fn clock_skew(&self, e: &Error, found: &mut Vec<Finding>) {
        let Detail::Skew {
            timestamp,
            now: clock,
            tolerance,
        } = *e.detail()
        else {
            return;
        };
        let untimed = Trial {
            timed: false,
            ..*self
        };
        let valid = untimed.verifies(self.body);
        let age = i128::from(clock) - i128::from(timestamp);
        let secs = u64::try_from(age.unsigned_abs()).unwrap_or(u64::MAX);
        let direction = if age >= 0 { "behind" } else { "ahead of" };
        let signature = if valid {
            "the signature itself is valid: one of the clocks is off, or this is a replay of \
             an old delivery"
        } else {
            "the signature does not match either"
        };
        found.push(finding(
            CLOCK_SKEW,
            format!(
                "the signed timestamp is {} {direction} this clock ({secs} s; the tolerance is \
                 {}); {signature}",
                human(secs),
                human(tolerance)
            ),
        ));
        if !valid {
            let mut more = Vec::new();
            untimed.mismatch(&mut more);
            found.extend(more.into_iter().filter(|f| f.code != NO_KNOWN_MISTAKE));
        }
    }
}

/// The body as the sender may have sent it: a trailing newline kept or dropped, the same
/// JSON in another layout or key order.
fn body_variants(body: &[u8]) -> Vec<(Vec<u8>, Finding)> {
    let mut out: Vec<(Vec<u8>, Finding)> = Vec::new();
    let mut push = |b: Vec<u8>, f: Finding| {
        if b != body && !out.iter().any(|(x, _)| *x == b) {
            out.push((b, f));
        }
    };
    for (nl, shown) in [(&b"\n"[..], "\\n"), (b"\r\n", "\\r\\n")] {
        let message = format!(
            "the body verifies with a trailing {shown} added: the sender's body ended with one \
             and it was lost on the way (`curl -d @file` strips newlines, `--data-binary @file` \
             keeps them; so does a framework that trims the body); verify the bytes as received"
        );
        push([body, nl].concat(), finding(TRAILING_NEWLINE_LOST, message));
    }
    if let Some(b) = body.strip_suffix(b"\r\n").or(body.strip_suffix(b"\n")) {
        let message = "the body verifies without its trailing newline: one was added after the \
                       sender signed it (an editor, `echo`, a heredoc); verify the exact bytes \
                       received"
            .to_owned();
        push(b.to_vec(), finding(TRAILING_NEWLINE_ADDED, message));
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return out;
    };
    let sorted = serde_json::to_vec(&sort_keys(value)).ok();
    let reserialized = |how: String| {
        finding(
            BODY_RESERIALIZED,
            format!(
                "the body was parsed and re-serialized before it was verified: the same JSON \
                 {how} verifies; verify the raw request bytes, before any JSON parsing"
            ),
        )
    };
    for layout in [
        Layout::Compact,
        Layout::Spaced,
        Layout::Pretty(2),
        Layout::Pretty(4),
    ] {
        let how = layout.describe();
        if let Some(b) = relayout(body, layout) {
            let with_nl = [&b[..], b"\n"].concat();
            push(b, reserialized(format!("laid out {how}")));
            push(
                with_nl,
                reserialized(format!("laid out {how}, with a final newline")),
            );
        }
        if let Some(b) = sorted.as_deref().and_then(|s| relayout(s, layout)) {
            push(
                b,
                reserialized(format!("with its keys sorted, laid out {how}")),
            );
        }
    }
    out
}

/// The value with every object's keys in sorted order, whatever order the map type keeps.
fn sort_keys(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sort_keys(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

/// The signature header's value is in another scheme's format.
fn other_format<H: Headers + ?Sized>(v: &Verifier, headers: &H, found: &mut Vec<Finding>) {
    let Some(value) = headers.get(&v.header_names()[0]) else {
        return;
    };
    let value = crate::headers::trim(&value);
    let others: Vec<(Scheme, String)> = Scheme::ALL
        .into_iter()
        .filter(|s| *s != v.scheme())
        .filter_map(|s| Wire::resolve(s, &Options::default()).ok())
        .filter(|w| !matches!(w.format, Format::Token { .. }))
        .filter(|w| parse::signature(&w.format, value).is_ok())
        .map(|w| (w.scheme, w.format.describe()))
        .collect();
    let Some((_, format)) = others.first() else {
        return;
    };
    let names: Vec<&str> = others.iter().map(|(s, _)| s.as_str()).collect();
    let guess = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    };
    found.push(finding(
        WRONG_SCHEME,
        format!(
            "the signature value is in the format of {guess} ({format}), not {}'s ({})",
            v.scheme(),
            v.signature_format()
        ),
    ));
}

/// A token header without the configured prefix (`Bearer `).
fn token_prefix<H: Headers + ?Sized>(v: &Verifier, headers: &H, found: &mut Vec<Finding>) {
    let Format::Token { prefix } = &v.wire().format else {
        return;
    };
    let Some(value) = headers.get(&v.header_names()[0]) else {
        return;
    };
    let has = value
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()));
    if !prefix.is_empty() && !has {
        found.push(finding(
            TOKEN_PREFIX,
            format!(
                "the {} header does not start with {prefix:?}: send `{prefix}<token>`, or set \
                 the prefix option to what the sender puts before the token (\"\" for none)",
                v.header_names()[0]
            ),
        ));
    }
}

fn no_signature_header(v: &Verifier, e: &Error) -> Finding {
    let configurable = match v.wire().format {
        Format::Token { .. } => format!(
            "; {}'s token header is an option (header, default authorization): check that it \
             names the header the sender uses",
            v.scheme()
        ),
        _ if v.scheme().signature_header().is_none() => {
            "; the header option names the header this scheme reads: check it against the sender"
                .to_owned()
        }
        _ => String::new(),
    };
    finding(
        NO_SIGNATURE_HEADER,
        format!(
            "{}: the request was not signed, a proxy dropped the header, or it is not a {} \
             delivery{configurable}",
            e.message(),
            v.scheme()
        ),
    )
}

/// A digest shorter than a whole one: cut by a log line, a copy, a header size limit.
fn truncated(e: &Error, found: &mut Vec<Finding>) {
    let Detail::Digest {
        encoding,
        expected,
        received,
        in_alphabet,
    } = *e.detail()
    else {
        return;
    };
    let what = match encoding {
        Encoding::Hex => "hex digits",
        _ => "base64 characters",
    };
    if in_alphabet && received > 0 && received < expected {
        found.push(finding(
            TRUNCATED_SIGNATURE,
            format!(
                "the signature is truncated: {received} of {expected} {what} (cut by a log \
                 line, a copy and paste, or a proxy's header size limit)"
            ),
        ));
    }
}

/// `11520` → `3 h 12 min`, `45` → `45 s`: the largest unit and the next one.
fn human(secs: u64) -> String {
    const UNITS: [(u64, &str); 4] = [(86_400, "d"), (3_600, "h"), (60, "min"), (1, "s")];
    let i = UNITS
        .iter()
        .position(|(size, _)| secs >= *size)
        .unwrap_or(UNITS.len() - 1);
    let (size, name) = UNITS[i];
    let mut out = format!("{} {name}", secs / size);
    if let Some((next, next_name)) = UNITS.get(i + 1) {
        let rest = secs % size / next;
        if rest > 0 {
            out.push_str(&format!(" {rest} {next_name}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::human;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(human(0), "0 s");
        assert_eq!(human(45), "45 s");
        assert_eq!(human(90), "1 min 30 s");
        assert_eq!(human(300), "5 min");
        assert_eq!(human(3 * 3600 + 12 * 60 + 7), "3 h 12 min");
        assert_eq!(human(86_400 + 3600), "1 d 1 h");
    }
}
