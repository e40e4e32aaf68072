//! `verify --explain`: after the core rejects a delivery, try the usual mistakes one by
//! one through the core's public API and name the ones that make it verify.
//!
//! Nothing here decides whether a delivery is genuine: every answer comes from
//! `hookseal::Verifier`; this module only chooses which variations to try.

use crate::jsonfmt::{relayout, Layout};
use crate::request::HeaderList;
use hookseal::{
    detect, Detail, Encoding, Error, ErrorCode, Headers, Options, Scheme, Tolerance, Verifier,
};
use serde_json::{json, Value};

/// What was verified.
pub struct Case<'a> {
    pub scheme: Scheme,
    pub secrets: &'a [String],
    pub options: &'a Options,
    pub headers: &'a HeaderList,
    pub body: &'a [u8],
    pub now: i64,
}

/// A likely cause: a stable id for scripts and a sentence for people.
#[derive(Clone)]
pub struct Cause {
    pub id: &'static str,
    pub detail: String,
    extra: Option<(&'static str, Value)>,
}

impl Cause {
    fn new(id: &'static str, detail: String) -> Cause {
        Cause {
            id,
            detail,
            extra: None,
        }
    }

    fn with(mut self, key: &'static str, value: Value) -> Cause {
        self.extra = Some((key, value));
        self
    }

    pub fn to_json(&self) -> Value {
        let mut v = json!({ "cause": self.id, "detail": self.detail });
        if let Some((key, value)) = &self.extra {
            v[*key] = value.clone();
        }
        v
    }
}

/// How providers display many secrets. Adding or dropping it is a copying mistake to try,
/// not a rule of any scheme: whether the variant verifies is the core's answer.
const WHSEC: &str = "whsec_";

/// The likely causes of `err`, most specific first; never empty.
pub fn explain(case: &Case<'_>, err: &Error) -> Vec<Cause> {
    let mut causes = Vec::new();
    match err.code() {
        ErrorCode::PayloadTooLarge => causes.push(Cause::new(
            "payload_too_large",
            format!(
                "{}: raise max_body only if the provider really sends bodies this large",
                err.message()
            ),
        )),
        ErrorCode::MissingSignature => {
            wrong_scheme(case, &mut causes);
            if causes.is_empty() {
                causes.push(Cause::new(
                    "missing_header",
                    format!(
                        "{}: the request was not signed, or a proxy dropped the header",
                        err.message()
                    ),
                ));
            }
        }
        ErrorCode::MalformedSignature => {
            truncated(err, &mut causes);
            wrong_scheme(case, &mut causes);
            looks_like_other_format(case, &mut causes);
        }
        ErrorCode::MissingTimestamp | ErrorCode::MalformedTimestamp => {
            wrong_scheme(case, &mut causes);
        }
        ErrorCode::TimestampTooOld | ErrorCode::TimestampTooNew => {
            clock_skew(case, err, &mut causes)
        }
        ErrorCode::SignatureMismatch => {
            variations(case, &mut causes);
            wrong_scheme(case, &mut causes);
        }
        _ => {}
    }
    if causes.is_empty() {
        causes.push(fallback(err));
    }
    causes
}

fn fallback(err: &Error) -> Cause {
    let detail = match err.code() {
        ErrorCode::SignatureMismatch => "no variation of the secret or of the body matches: the \
            secret belongs to another endpoint or was rotated, or the body changed on the way"
            .to_owned(),
        _ => err.message().to_owned(),
    };
    Cause::new("unknown", detail)
}

fn verifies(case: &Case<'_>, scheme: Scheme, secret: &str, body: &[u8], opts: &Options) -> bool {
    Verifier::with_options(scheme, &[secret], opts)
        .and_then(|v| v.verify_at(case.headers, body, case.now).map(|_| ()))
        .is_ok()
}

/// The secret as the user may have mangled it: whitespace, `whsec_` added or dropped.
fn secret_variants(secret: &str) -> Vec<(String, Vec<Cause>)> {
    let mut out = vec![(secret.to_owned(), Vec::new())];
    let trimmed = secret.trim();
    if trimmed != secret && !trimmed.is_empty() {
        let cause = Cause::new(
            "secret_whitespace",
            format!(
                "the secret has {} leading and {} trailing whitespace characters (a newline \
                 from `echo` or a copied line?); the provider signs with it trimmed",
                secret.len() - secret.trim_start().len(),
                secret.len() - secret.trim_end().len()
            ),
        );
        out.push((trimmed.to_owned(), vec![cause]));
    }
    let base: Vec<(String, Vec<Cause>)> = out.clone();
    for (s, causes) in base {
        let (variant, cause) = match s.strip_prefix(WHSEC) {
            Some(rest) if !rest.is_empty() => (
                rest.to_owned(),
                Cause::new(
                    "secret_extra_whsec_prefix",
                    format!("the secret has a `{WHSEC}` prefix the provider does not sign with: drop it"),
                ),
            ),
            Some(_) => continue,
            None => (
                format!("{WHSEC}{s}"),
                Cause::new(
                    "secret_missing_whsec_prefix",
                    format!(
                        "the secret lacks its `{WHSEC}` prefix: the prefix is part of the key, \
                         use the secret exactly as the provider shows it"
                    ),
                ),
            ),
        };
        let mut causes = causes;
        causes.push(cause);
        out.push((variant, causes));
    }
    out
}

/// The body as the provider may have sent it before a framework re-serialized it.
fn body_variants(body: &[u8]) -> Vec<(Vec<u8>, Vec<Cause>)> {
    let mut out = vec![(body.to_vec(), Vec::new())];
    if let Some(stripped) = body.strip_suffix(b"\n") {
        out.push((
            stripped.to_vec(),
            vec![Cause::new(
                "body_reserialized",
                "the body has a trailing newline the provider did not send (an editor or \
                 `echo` added it): verify the exact bytes received"
                    .into(),
            )],
        ));
    }
    if serde_json::from_slice::<Value>(body).is_err() {
        return out;
    }
    let reserialized = |how: String| {
        vec![Cause::new(
            "body_reserialized",
            format!(
                "the body was re-serialized: the same JSON, different bytes (the provider \
                 signed it {how}); verify the raw request bytes, before any JSON parsing"
            ),
        )]
    };
    for layout in [
        Layout::Compact,
        Layout::Spaced,
        Layout::Pretty(2),
        Layout::Pretty(4),
    ] {
        if let Some(v) = relayout(body, layout).filter(|v| v != body) {
            out.push((v, reserialized(layout.describe())));
        }
    }
    // serde_json's own form: keys sorted, numbers and strings normalised.
    if let Some(v) = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| serde_json::to_vec(&v).ok())
        .filter(|v| v != body)
    {
        out.push((v, reserialized("with its keys in another order".into())));
    }
    out
}

/// Tries every secret variant against every body variant; reports the first that verifies.
fn variations(case: &Case<'_>, causes: &mut Vec<Cause>) {
    let bodies = body_variants(case.body);
    for secret in case.secrets {
        for (s, secret_causes) in secret_variants(secret) {
            for (b, body_causes) in &bodies {
                if secret_causes.is_empty() && body_causes.is_empty() {
                    continue;
                }
                if verifies(case, case.scheme, &s, b, case.options) {
                    causes.extend(secret_causes);
                    causes.extend(body_causes.iter().cloned());
                    return;
                }
            }
        }
    }
}

/// The headers belong to another scheme than the one asked for.
fn wrong_scheme(case: &Case<'_>, causes: &mut Vec<Cause>) {
    let Some(seen) = detect(case.headers).filter(|s| *s != case.scheme) else {
        return;
    };
    let verifies_as_seen = case
        .secrets
        .iter()
        .any(|s| verifies(case, seen, s, case.body, &Options::default()));
    let tail = if verifies_as_seen {
        format!("; with --scheme {seen} it verifies")
    } else {
        String::new()
    };
    causes.push(
        Cause::new(
            "wrong_scheme",
            format!("the headers look like {seen}, not {}{tail}", case.scheme),
        )
        .with("looks_like", json!(seen.as_str())),
    );
}

/// The verifier built for the case, and the signature header's value as it reads it.
fn signature_value(case: &Case<'_>) -> Option<(Verifier, String)> {
    let verifier = Verifier::with_options(case.scheme, case.secrets, case.options).ok()?;
    let name = verifier.header_names().first()?;
    let value = case.headers.get(name)?;
    let value = String::from_utf8_lossy(&value).trim().to_owned();
    Some((verifier, value))
}

/// A digest shorter than a whole one: cut by a log line, a copy, a header size limit.
/// The core's [`Detail::Digest`] says how long a whole one is and what came.
fn truncated(err: &Error, causes: &mut Vec<Cause>) {
    let Detail::Digest {
        encoding,
        expected,
        received,
        in_alphabet,
    } = *err.detail()
    else {
        return;
    };
    let what = match encoding {
        Encoding::Hex => "hex digits",
        _ => "base64 characters",
    };
    if in_alphabet && received > 0 && received < expected {
        causes.push(
            Cause::new(
                "truncated_signature",
                format!(
                    "the signature is truncated: {received} of {expected} {what} (cut by a log \
                     line, a copy and paste, or a proxy's header size limit)"
                ),
            )
            .with("digits", json!(received)),
        );
    }
}

/// A key for asking the core whether a value parses as a scheme's signature: any key
/// does, and this one is also base64, which some schemes require of a key.
const PROBE_KEY: &str = "cHJvYmU=";

/// Whether the core reads `value` as a well-formed signature of `scheme` (whatever it
/// signs): the value sent as that scheme's signature header, its timestamp and id headers
/// filled in, and any answer but a malformed or missing one counts.
fn parses_as(scheme: Scheme, value: &str, now: i64) -> bool {
    let info = scheme.info();
    let Some(sig) = info.signature_header else {
        return false;
    };
    let opts = Options {
        tolerance: scheme.is_timestamped().then_some(Tolerance::Off),
        ..Options::default()
    };
    let Ok(v) = Verifier::with_options(scheme, &[PROBE_KEY], &opts) else {
        return false;
    };
    let mut headers: HeaderList = vec![(sig.to_owned(), value.as_bytes().to_vec())];
    headers.extend(
        info.timestamp_header
            .map(|h| (h.to_owned(), now.to_string().into())),
    );
    headers.extend(info.id_header.map(|h| (h.to_owned(), b"probe".to_vec())));
    match v.verify_at(&headers, b"", now) {
        Ok(_) => true,
        Err(e) => e.code() == ErrorCode::SignatureMismatch,
    }
}

/// How a scheme's signature value looks, as the core describes it.
fn describe_format(scheme: Scheme) -> Option<String> {
    let v = Verifier::new(scheme, &[PROBE_KEY]).ok()?;
    Some(v.signature_format())
}

/// The signature value is in the format of another scheme.
fn looks_like_other_format(case: &Case<'_>, causes: &mut Vec<Cause>) {
    if causes
        .iter()
        .any(|c| c.id == "wrong_scheme" || c.id == "truncated_signature")
    {
        return;
    }
    let Some((_, value)) = signature_value(case) else {
        return;
    };
    let others: Vec<Scheme> = Scheme::ALL
        .into_iter()
        .filter(|s| *s != case.scheme && parses_as(*s, &value, case.now))
        .collect();
    let Some(format) = others.first().and_then(|s| describe_format(*s)) else {
        return;
    };
    let names: Vec<&str> = others.iter().map(|s| s.as_str()).collect();
    let guess = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    };
    causes.push(Cause::new(
        "wrong_scheme",
        format!(
            "the signature value is in the format of {guess} ({format}), not {}",
            case.scheme
        ),
    ));
}

/// How far the signed timestamp is from this clock (the core's [`Detail::Skew`]), and
/// whether the signature is otherwise valid (a replay, or a skewed clock, rather than a
/// forgery).
fn clock_skew(case: &Case<'_>, err: &Error, causes: &mut Vec<Cause>) {
    let Detail::Skew {
        timestamp,
        now,
        tolerance,
    } = *err.detail()
    else {
        return;
    };
    let off = Options {
        tolerance: Some(Tolerance::Off),
        ..case.options.clone()
    };
    let signed_ok = Verifier::with_options(case.scheme, case.secrets, &off)
        .and_then(|v| v.verify_at(case.headers, case.body, now).map(|_| ()))
        .is_ok();
    let skew = now - i64::try_from(timestamp).unwrap_or(i64::MAX);
    let direction = if skew >= 0 { "behind" } else { "ahead of" };
    let signature = if signed_ok {
        "the signature itself is valid, so the clocks differ or this is a replay of an old delivery"
    } else {
        "the signature does not match either"
    };
    causes.push(
        Cause::new(
            "clock_skew",
            format!(
                "clock skew of {} s: the signed timestamp is {} s {direction} this clock \
                 (tolerance {tolerance} s); {signature}",
                skew.abs(),
                skew.abs()
            ),
        )
        .with("skew_seconds", json!(skew)),
    );
}
