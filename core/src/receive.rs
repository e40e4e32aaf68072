//! The receive contract: what a webhook receiver answers, and what it does with its
//! de-duplication store, for every outcome. Every framework helper in every runtime
//! follows these tables rather than writing its own; `docs/receiving.md` explains them.
//!
//! The contract has three parts:
//! - [`Reply`]: for every code a receiver can answer with (the verification codes and the
//!   receiver's own edge codes), the HTTP status, whether a `Retry-After` goes with it,
//!   and the JSON rejection body ([`rejection_body`]).
//! - [`on_claim`] and [`on_handler`]: the de-duplication decision table. A delivery is
//!   claimed with a short processing lease before its handler runs; the handler's 2xx
//!   completes the claim, anything else releases it. A crash costs one lease, never the
//!   event.
//! - [`claim_key`] and the defaults [`DEFAULT_LEASE_SECS`], [`DEFAULT_TTL_SECS`],
//!   [`STORE_RETRY_AFTER_SECS`].
//!
//! Bindings expose all of it at once as JSON ([`contract_json`]), which the helpers read
//! when they load.
//!
//! ```
//! use hookseal::receive::{self, Claimed, Next, StoreAction};
//!
//! // A delivery whose first attempt still runs: the provider is told to come back.
//! let Next::Answer(answer) = receive::on_claim(Claimed::Processing { lease_left_ms: 41_200 }) else {
//!     unreachable!()
//! };
//! assert_eq!(answer.status, 503);
//! assert_eq!(answer.retry_after, Some(42));
//! assert_eq!(answer.body, r#"{"error":"delivery_in_progress","message":"this delivery is being processed by another attempt; retry later"}"#);
//!
//! // A handler that answered 429 releases its claim, so the retry runs it again.
//! assert_eq!(receive::on_handler(Some(429)), StoreAction::Release);
//! assert_eq!(receive::on_handler(Some(204)), StoreAction::Complete);
//! ```

use crate::error::ErrorCode;

/// How long a claim holds a delivery while its handler runs, unless completed or
/// released first: longer than every seed provider's timeout (SalesLab 8 s, the others
/// 10 s), so a retry never finds a live attempt's lease expired; short enough that a
/// receiver killed inside its handler costs the provider one retry, not the event.
pub const DEFAULT_LEASE_SECS: u64 = 60;

/// How long a completed delivery is remembered: 30 days, the longest retention or replay
/// window a provider document names.
pub const DEFAULT_TTL_SECS: u64 = 30 * 24 * 60 * 60;

/// The `Retry-After` sent with `store_unavailable`: a store outage is usually a restart or
/// a failover, over within seconds.
pub const STORE_RETRY_AFTER_SECS: u64 = 5;

/// The body a duplicate of a completed delivery is acknowledged with, with status 200.
pub const DUPLICATE_BODY: &str = r#"{"duplicate":true}"#;

/// When a receiver tells the provider to retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryAfter {
    /// No `Retry-After`: the answer is final for these bytes.
    Never,
    /// A fixed number of seconds.
    Seconds(u64),
    /// The seconds left in the claim's processing lease, rounded up, at least 1.
    LeaseLeft,
}

/// One row of the reply table: a code and how a receiver answers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The stable snake_case code, the same string in every runtime.
    pub code: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// Whether the answer carries `Retry-After`.
    pub retry_after: RetryAfter,
    /// The message a receiver sends when it has none more specific.
    pub message: &'static str,
}

/// A receiver's own codes, beyond verification's ([`ErrorCode`]).
///
/// `body_already_parsed` is the server's configuration mistake (a JSON parser ran before
/// the helper, so the signed bytes are gone): 500, which every provider retries, so the
/// deliveries wait while the route is fixed. `unreadable_body` is a body that could not be
/// read to its end (the client aborted, a broken chunked encoding): 400.
///
/// With per-tenant secrets (`docs/tenants.md`), `unknown_tenant` is a resolver that found
/// no secret for the tenant the request names: 404, final, since no retry can verify it.
/// `secrets_unavailable` is a resolver that failed (its database is down): 503 with the
/// store's `Retry-After`, so the delivery is retried rather than lost.
pub const EDGE_REPLIES: [Reply; 7] = [
    Reply {
        code: "body_already_parsed",
        status: 500,
        retry_after: RetryAfter::Never,
        message:
            "the request body was already parsed, so the exact bytes that were signed are gone",
    },
    Reply {
        code: "unreadable_body",
        status: 400,
        retry_after: RetryAfter::Never,
        message: "the request body could not be read to its end",
    },
    Reply {
        code: "store_unavailable",
        status: 503,
        retry_after: RetryAfter::Seconds(STORE_RETRY_AFTER_SECS),
        message: "the de-duplication store could not be reached; retry later",
    },
    Reply {
        code: "delivery_in_progress",
        status: 503,
        retry_after: RetryAfter::LeaseLeft,
        message: "this delivery is being processed by another attempt; retry later",
    },
    Reply {
        code: "unknown_tenant",
        status: 404,
        retry_after: RetryAfter::Never,
        message: "no secret is configured for the tenant this request names",
    },
    Reply {
        code: "secrets_unavailable",
        status: 503,
        retry_after: RetryAfter::Seconds(STORE_RETRY_AFTER_SECS),
        message: "the tenant's secrets could not be loaded; retry later",
    },
    Reply {
        code: "internal",
        status: 500,
        retry_after: RetryAfter::Never,
        message: "an internal error occurred",
    },
];

/// The reply row for a verification or construction error code.
pub const fn verification_reply(code: ErrorCode) -> Reply {
    Reply {
        code: code.as_str(),
        status: code.http_status(),
        retry_after: RetryAfter::Never,
        message: verification_message(code),
    }
}

const fn verification_message(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::PayloadTooLarge => "the body is over the verifier's max_body",
        ErrorCode::MissingSignature => "the signature header is missing",
        ErrorCode::MalformedSignature => "the signature header is not in the scheme's format",
        ErrorCode::MissingTimestamp => "the timestamp header is missing",
        ErrorCode::MalformedTimestamp => "the timestamp is not 1 to 19 digits",
        ErrorCode::TimestampTooOld => "the timestamp is older than the tolerance allows",
        ErrorCode::TimestampTooNew => "the timestamp is further ahead than the tolerance allows",
        ErrorCode::SignatureMismatch => "no configured secret matches the signature",
        ErrorCode::InvalidPayload => {
            "the delivery is genuine but its payload does not match the provider's documented schema"
        }
        ErrorCode::InvalidSecret | ErrorCode::UnknownScheme | ErrorCode::InvalidOption => {
            "the receiver's verifier is misconfigured"
        }
    }
}

/// Every code a receiver can answer with: the verification codes in [`ErrorCode::ALL`]
/// order, then [`EDGE_REPLIES`].
pub fn replies() -> impl Iterator<Item = Reply> {
    ErrorCode::ALL
        .into_iter()
        .map(verification_reply)
        .chain(EDGE_REPLIES)
}

/// The reply row for `code`, if it is one a receiver answers with.
///
/// ```
/// use hookseal::receive::{reply, RetryAfter};
/// assert_eq!(reply("signature_mismatch").unwrap().status, 401);
/// assert_eq!(reply("store_unavailable").unwrap().retry_after, RetryAfter::Seconds(5));
/// assert!(reply("no_such_code").is_none());
/// ```
pub fn reply(code: &str) -> Option<Reply> {
    replies().find(|r| r.code == code)
}

/// The JSON body of a rejection: `{"error": code, "message": message}`.
///
/// ```
/// assert_eq!(
///     hookseal::receive::rejection_body("signature_mismatch", "no \"match\""),
///     r#"{"error":"signature_mismatch","message":"no \"match\""}"#
/// );
/// ```
pub fn rejection_body(code: &str, message: &str) -> String {
    format!(
        r#"{{"error":{},"message":{}}}"#,
        json_string(code),
        json_string(message)
    )
}

/// `s` as a JSON string. Hand-written rather than serde_json's serializer, which the wasm
/// engine would otherwise carry for this alone (its size is budgeted).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The key a delivery is claimed under: `<scheme>:<idempotency key>`, so two providers'
/// event ids never collide. `None` for an empty idempotency key, which is never claimed
/// (every delivery would share it).
///
/// ```
/// assert_eq!(hookseal::receive::claim_key("stripe", "evt_1").as_deref(), Some("stripe:evt_1"));
/// assert_eq!(hookseal::receive::claim_key("saleslab", ""), None);
/// ```
pub fn claim_key(scheme: &str, idempotency_key: &str) -> Option<String> {
    if idempotency_key.is_empty() {
        return None;
    }
    Some(format!("{scheme}:{idempotency_key}"))
}

/// The claim key of a delivery verified with one tenant's secrets:
/// `<scheme>/<tenant>:<idempotency key>`, so two tenants' event ids never collide. The
/// tenant has `%`, `/` and `:` percent-encoded (`%25`, `%2F`, `%3A`), so no two
/// (tenant, key) pairs share a claim key. `None` for an empty idempotency key.
///
/// ```
/// use hookseal::receive::tenant_claim_key;
/// assert_eq!(tenant_claim_key("saleslab", "acme", "d_1").as_deref(), Some("saleslab/acme:d_1"));
/// assert_eq!(tenant_claim_key("saleslab", "a:b/c%", "d").as_deref(), Some("saleslab/a%3Ab%2Fc%25:d"));
/// assert_eq!(tenant_claim_key("saleslab", "acme", ""), None);
/// ```
pub fn tenant_claim_key(scheme: &str, tenant: &str, idempotency_key: &str) -> Option<String> {
    if idempotency_key.is_empty() {
        return None;
    }
    let tenant = tenant
        .replace('%', "%25")
        .replace('/', "%2F")
        .replace(':', "%3A");
    Some(format!("{scheme}/{tenant}:{idempotency_key}"))
}

/// How many tenants' verifiers a helper keeps built (least recently used go first).
pub const DEFAULT_TENANT_CACHE_MAX: u64 = 1000;

/// How long a tenant's resolved secrets are used before the resolver is asked again: a
/// rotated secret is picked up within this time, without a restart.
pub const DEFAULT_TENANT_CACHE_TTL_SECS: u64 = 300;

/// The OpenTelemetry instruments every helper records (`docs/metrics.md`), as
/// `(key, instrument name, kind, unit)`. Attributes are `hookseal.scheme`,
/// `hookseal.outcome` (`ok` or a code of [`replies`]) and, on duplicates,
/// `hookseal.duplicate` (`processed` or `in_flight`); never a secret, a signature, a
/// tenant or an id read from an unverified request.
pub const METRICS: [(&str, &str, &str, &str); 4] = [
    (
        "verifications",
        "hookseal.verifications",
        "counter",
        "{delivery}",
    ),
    ("skew", "hookseal.timestamp.skew", "histogram", "s"),
    ("duplicates", "hookseal.duplicates", "counter", "{delivery}"),
    ("duration", "hookseal.verify.duration", "histogram", "s"),
];

/// The meter name the helpers ask OpenTelemetry for.
pub const METER_NAME: &str = "hookseal";

/// What a store's `claim` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claimed {
    /// No live claim: this attempt holds the lease now (with the owner token it chose).
    First,
    /// Another attempt holds a live lease, with this much of it left.
    Processing {
        /// Milliseconds left in the other attempt's lease.
        lease_left_ms: u64,
    },
    /// The delivery was completed (a handler answered 2xx) within the TTL.
    Done,
    /// The store failed, or its answer is unknown (a timeout after the write may have
    /// applied). The helper releases its token best-effort: a claim written anyway must
    /// not turn the retry into a "duplicate".
    Failed,
}

/// What a helper does after the claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Run the handler, then apply [`on_handler`].
    RunHandler,
    /// Answer without running the handler.
    Answer(Answer),
}

/// An answer a helper sends itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The `Retry-After` seconds, when the provider should retry.
    pub retry_after: Option<u64>,
    /// The JSON body.
    pub body: String,
    /// Release the claim (best-effort, owner-checked) before answering.
    pub release: bool,
}

/// The first half of the de-duplication table: what a claim's outcome leads to.
///
/// | claim | answer | store |
/// |---|---|---|
/// | `first` | run the handler | — |
/// | `processing` | 503, `Retry-After` = lease left (≥ 1 s), `delivery_in_progress` | — |
/// | `done` | 200 `{"duplicate":true}` | — |
/// | failed or unknown | 503, `Retry-After` = 5, `store_unavailable` | release the token, best-effort |
pub fn on_claim(claimed: Claimed) -> Next {
    match claimed {
        Claimed::First => Next::RunHandler,
        Claimed::Processing { lease_left_ms } => {
            Next::Answer(edge_answer("delivery_in_progress", lease_left_ms, false))
        }
        Claimed::Done => Next::Answer(Answer {
            status: 200,
            retry_after: None,
            body: DUPLICATE_BODY.to_owned(),
            release: false,
        }),
        Claimed::Failed => Next::Answer(edge_answer("store_unavailable", 0, true)),
    }
}

fn edge_answer(code: &str, lease_left_ms: u64, release: bool) -> Answer {
    let row = reply(code).expect("an edge code of the table");
    Answer {
        status: row.status,
        retry_after: retry_after_secs(row.retry_after, lease_left_ms),
        body: rejection_body(row.code, row.message),
        release,
    }
}

/// The `Retry-After` seconds of a row, given the lease time left (for `LeaseLeft`).
pub fn retry_after_secs(retry: RetryAfter, lease_left_ms: u64) -> Option<u64> {
    match retry {
        RetryAfter::Never => None,
        RetryAfter::Seconds(s) => Some(s),
        RetryAfter::LeaseLeft => Some(lease_left_ms.div_ceil(1000).max(1)),
    }
}

/// What the store does after the handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreAction {
    /// Mark the claim done for the TTL: a later duplicate is answered 200.
    Complete,
    /// Delete the claim if this attempt still owns it (compare-and-delete on the token):
    /// the provider's retry runs the handler.
    Release,
}

/// The second half of the table: the handler's status, or `None` when it raised (threw,
/// panicked, or the connection broke before it answered).
///
/// | handler | store |
/// |---|---|
/// | 2xx | complete (done for the TTL) |
/// | any other status (1xx, 3xx, 4xx including 429, 5xx) | release |
/// | raised | release |
///
/// A failed complete or release changes nothing in the answer: a claim left behind is a
/// lease that expires, so the retry after it runs the handler.
pub fn on_handler(status: Option<u16>) -> StoreAction {
    match status {
        Some(s) if (200..300).contains(&s) => StoreAction::Complete,
        _ => StoreAction::Release,
    }
}

/// [`contract_json`] as it was written into `receive.json`, so that a binding hands its
/// runtime a constant: no JSON is built at run time (the wasm engine's size is budgeted).
/// A test fails when the file and the tables differ (`UPDATE_TABLES=1 cargo test -p
/// hookseal` rewrites it).
pub const CONTRACT_JSON: &str = include_str!("receive.json");

/// The whole contract as one JSON document, for bindings to hand to their runtime.
///
/// ```
/// let doc: serde_json::Value = serde_json::from_str(&hookseal::receive::contract_json()).unwrap();
/// assert_eq!(doc["replies"]["delivery_in_progress"]["status"], 503);
/// assert_eq!(doc["replies"]["delivery_in_progress"]["retry_after"], "lease_left");
/// assert_eq!(doc["lease_seconds"], 60);
/// assert_eq!(doc["duplicate"]["body"], serde_json::json!({"duplicate": true}));
/// ```
pub fn contract_json() -> String {
    let rows: Vec<String> = replies()
        .map(|r| {
            let retry = match r.retry_after {
                RetryAfter::Never => "null".to_owned(),
                RetryAfter::Seconds(s) => s.to_string(),
                RetryAfter::LeaseLeft => "\"lease_left\"".to_owned(),
            };
            format!(
                r#""{}":{{"status":{},"retry_after":{},"message":{}}}"#,
                r.code,
                r.status,
                retry,
                json_string(r.message)
            )
        })
        .collect();
    let table: Vec<String> = [
        ("first", "run_handler"),
        ("processing", "delivery_in_progress"),
        ("done", "duplicate"),
        ("failed", "store_unavailable"),
    ]
    .iter()
    .map(|(k, v)| format!(r#""{k}":"{v}""#))
    .collect();
    let instruments: Vec<String> = METRICS
        .iter()
        .map(|(key, name, kind, unit)| {
            format!(r#""{key}":{{"name":"{name}","kind":"{kind}","unit":"{unit}"}}"#)
        })
        .collect();
    format!(
        concat!(
            r#"{{"replies":{{{}}},"#,
            r#""duplicate":{{"status":200,"body":{}}},"#,
            r#""on_claim":{{{}}},"#,
            r#""on_handler":{{"2xx":"complete","other":"release","raised":"release"}},"#,
            r#""claim_key":"<scheme>:<idempotency_key>","#,
            r#""lease_seconds":{},"ttl_seconds":{},"store_retry_after_seconds":{},"#,
            r#""tenants":{{"claim_key":"<scheme>/<tenant>:<idempotency_key>","escape":{{"%":"%25","/":"%2F",":":"%3A"}},"max":{},"ttl_seconds":{}}},"#,
            r#""metrics":{{"meter":"{}","instruments":{{{}}},"attributes":{{"scheme":"hookseal.scheme","outcome":"hookseal.outcome","duplicate":"hookseal.duplicate"}}}}}}"#
        ),
        rows.join(","),
        DUPLICATE_BODY,
        table.join(","),
        DEFAULT_LEASE_SECS,
        DEFAULT_TTL_SECS,
        STORE_RETRY_AFTER_SECS,
        DEFAULT_TENANT_CACHE_MAX,
        DEFAULT_TENANT_CACHE_TTL_SECS,
        METER_NAME,
        instruments.join(",")
    )
}

/// Checks that a table committed as `core/src/<file>` is what the code makes now, or with
/// `UPDATE_TABLES` set, rewrites it: the drift test of every committed table.
#[cfg(test)]
pub(crate) fn committed_table(file: &str, committed: &str, now: &str) {
    let path = format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_TABLES").is_some() {
        std::fs::write(&path, now).unwrap();
        return;
    }
    assert_eq!(
        committed, now,
        "core/src/{file} is stale: UPDATE_TABLES=1 cargo test -p hookseal"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_spelled_once() {
        let codes: Vec<&str> = replies().map(|r| r.code).collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(codes.len(), unique.len());
        assert_eq!(codes.len(), ErrorCode::ALL.len() + EDGE_REPLIES.len());
    }

    #[test]
    fn only_retryable_answers_carry_retry_after() {
        for r in replies() {
            assert_eq!(
                r.retry_after != RetryAfter::Never,
                r.status == 503,
                "{}",
                r.code
            );
        }
    }

    #[test]
    fn lease_left_rounds_up_to_at_least_one_second() {
        let lease = |ms| retry_after_secs(RetryAfter::LeaseLeft, ms);
        assert_eq!(lease(0), Some(1));
        assert_eq!(lease(1), Some(1));
        assert_eq!(lease(1000), Some(1));
        assert_eq!(lease(1001), Some(2));
    }

    #[test]
    fn only_2xx_completes() {
        for s in 100..600 {
            let want = if (200..300).contains(&s) {
                StoreAction::Complete
            } else {
                StoreAction::Release
            };
            assert_eq!(on_handler(Some(s)), want, "{s}");
        }
        assert_eq!(on_handler(None), StoreAction::Release);
    }

    #[test]
    fn a_failed_claim_is_released_and_retried() {
        let Next::Answer(a) = on_claim(Claimed::Failed) else {
            panic!()
        };
        assert!(a.release);
        assert_eq!(
            (a.status, a.retry_after),
            (503, Some(STORE_RETRY_AFTER_SECS))
        );
    }

    #[test]
    fn json_strings_escape_what_json_needs() {
        for s in [
            "plain",
            "a \"quote\"",
            "back\\slash",
            "new\nline\u{1}",
            "caf\u{e9} \u{20ac}",
        ] {
            let back: String = serde_json::from_str(&json_string(s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn the_committed_contract_is_the_tables() {
        committed_table("receive.json", CONTRACT_JSON, &contract_json());
    }

    #[test]
    fn the_contract_is_json() {
        let doc: serde_json::Value = serde_json::from_str(&contract_json()).unwrap();
        let replies = doc["replies"].as_object().unwrap();
        assert_eq!(replies.len(), ErrorCode::ALL.len() + EDGE_REPLIES.len());
        assert_eq!(replies["payload_too_large"]["status"], 413);
        assert_eq!(replies["store_unavailable"]["retry_after"], 5);
        assert_eq!(doc["on_claim"]["done"], "duplicate");
        assert_eq!(doc["ttl_seconds"], 2_592_000);
    }
}
