//! `hookseal send`: deliver events the way a provider does, retries included, and report
//! every attempt as it happens (a line each, flushed, on a terminal or not: a schedule can
//! last hours). `--time-scale` compresses the retry schedule (0.001: a minute is 60 ms).

use crate::args::{options_from, unix_now};
use crate::catalog::{Event, Fill};
use crate::http::{self, Url};
use crate::out::{Out, Style};
use crate::provider::{Next, Provider};
use clap::Args;
use hookseal::receive::DUPLICATE_BODY;
use hookseal::{Signer, DEFAULT_MAX_BODY};
use serde_json::{json, Value};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args)]
pub struct SendArgs {
    /// The provider to play.
    #[arg(long, value_enum)]
    provider: Provider,
    /// Where to deliver (http:// only).
    #[arg(long, required_unless_present = "list_events")]
    url: Option<String>,
    /// The event kind (default: the provider's test event); see --list-events.
    #[arg(long)]
    event: Option<String>,
    /// The signing secret (the token, for salescaling).
    #[arg(
        long,
        env = "HOOKSEAL_SECRET",
        hide_env_values = true,
        required_unless_present = "list_events"
    )]
    secret: Option<String>,
    /// Print the provider's event kinds and exit.
    #[arg(long)]
    list_events: bool,
    /// Change the body after signing it (the receiver must answer 401); for salescaling,
    /// whose token signs no body, send a forged delivery with a wrong token.
    #[arg(long)]
    tamper: bool,
    /// Send the same delivery a second time, bytes and headers unchanged (a replay).
    #[arg(long)]
    replay: bool,
    /// Sign with a timestamp this many seconds old (default 600 when given without a value).
    #[arg(long, value_name = "SECONDS", num_args = 0..=1, default_missing_value = "600")]
    stale: Option<i64>,
    /// Pad the body past the 1 MiB limit.
    #[arg(long)]
    oversize: bool,
    /// Multiply every retry delay by this (1 = the provider's real schedule).
    #[arg(long, default_value_t = 1.0)]
    time_scale: f64,
    /// Handler timeout in seconds (default: the provider's, 8 s or 10 s).
    #[arg(long)]
    timeout: Option<f64>,
    /// salescaling: the token header (default authorization).
    #[arg(long = "option-header")]
    header: Option<String>,
    /// salescaling: the token prefix (default "Bearer " with authorization).
    #[arg(long = "option-prefix")]
    prefix: Option<String>,
}

/// One delivery: fixed body and headers; the signature is made per attempt (a provider
/// re-signs a retry with the time of that attempt, so timestamped retries stay fresh).
struct Delivery {
    kind: &'static str,
    body: Vec<u8>,
    signed_body: Vec<u8>,
    headers: Vec<(String, String)>,
    /// Seconds to subtract from now when signing (`--stale`).
    age: i64,
}

pub fn run(a: SendArgs, out: &Out) -> Result<ExitCode, String> {
    if a.list_events {
        return list_events(a.provider, out);
    }
    let url = Url::parse(a.url.as_deref().unwrap_or_default())?;
    if !(a.time_scale.is_finite() && a.time_scale >= 0.0) {
        return Err("--time-scale must be a number ≥ 0".into());
    }
    let options = options_from(
        [("header", &a.header), ("prefix", &a.prefix)]
            .into_iter()
            .filter_map(|(name, value)| Some((name, value.as_deref()?))),
    )?;
    let mut secret = a.secret.clone().unwrap_or_default();
    if a.tamper && a.provider == Provider::Salescaling {
        // A shared token signs nothing: the body can only be "tampered" by a sender that
        // lacks the token, so a forged Salescaling delivery carries a wrong one.
        secret = format!("forged-{}", crate::ids::short(""));
    }
    let signer = Signer::with_options(a.provider.scheme(), secret.as_bytes(), &options)
        .map_err(|e| e.to_string())?;
    let event = find_event(a.provider, a.event.as_deref())?;
    let delivery = build(&a, event);
    let timeout = match a.timeout {
        Some(t) if t > 0.0 && t.is_finite() => Duration::from_secs_f64(t),
        Some(_) => return Err("--timeout must be a positive number of seconds".into()),
        None => a.provider.timeout(),
    };
    let sender = Sender {
        provider: a.provider,
        url: &url,
        signer: &signer,
        timeout,
        scale: a.time_scale,
        out,
    };

    let case = case_name(&a);
    if !out.json {
        out.line(&format!(
            "{} {} ({case}, {} bytes) → {}",
            out.paint(a.provider.id(), Style::Bold),
            delivery.kind,
            delivery.body.len(),
            a.url.as_deref().unwrap_or_default()
        ));
    }
    let mut reports = Vec::new();
    let (first, first_headers) = sender.deliver(&delivery, None)?;
    reports.push(first);
    let mut verdict = None;
    if a.replay {
        if !out.json {
            out.line("  replay of the same delivery:");
        }
        // A replay resends exactly what was captured, signature and timestamp included.
        let (again, _) = sender.deliver(&delivery, Some(first_headers))?;
        let (code, message) = replay_verdict(&again);
        if !out.json {
            let style = if code == "deduplicated" {
                Style::Good
            } else {
                Style::Bad
            };
            out.line(&format!("  {}: {message}", out.paint(code, style)));
        }
        verdict = Some(code);
        reports.push(again);
    }
    let delivered = reports.iter().all(|r| r["outcome"] == "delivered");
    if out.json {
        let mut summary = json!({
            "provider": a.provider.id(),
            "event": delivery.kind,
            "case": case,
            "bytes": delivery.body.len(),
            "deliveries": reports,
        });
        if let Some(code) = verdict {
            summary["replay_verdict"] = json!(code);
        }
        out.json_line(&summary);
    }
    Ok(if delivered {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn list_events(provider: Provider, out: &Out) -> Result<ExitCode, String> {
    let kinds: Vec<&str> = provider.events().map(|e| e.kind).collect();
    if out.json {
        out.json_line(&json!({ "provider": provider.id(), "events": kinds }));
    } else {
        kinds.iter().for_each(|k| out.line(k));
    }
    Ok(ExitCode::SUCCESS)
}

fn find_event(provider: Provider, kind: Option<&str>) -> Result<Event, String> {
    let kind = kind.unwrap_or_else(|| provider.test_event());
    provider.events().find(|e| e.kind == kind).ok_or_else(|| {
        format!(
            "{} has no event {kind:?} in its catalog (see --list-events)",
            provider.id()
        )
    })
}

fn case_name(a: &SendArgs) -> &'static str {
    match (a.tamper, a.replay, a.stale.is_some(), a.oversize) {
        (true, ..) => "tampered",
        (_, true, ..) => "replayed",
        (_, _, true, _) => "stale",
        (.., true) => "oversize",
        _ => "genuine",
    }
}

fn build(a: &SendArgs, event: Event) -> Delivery {
    let age = a.stale.unwrap_or(0);
    let fill = Fill::fresh(unix_now() - age);
    let mut body = a.provider.body(&event, &fill);
    let headers = a.provider.headers(&event, &body);
    if a.oversize {
        let pad = DEFAULT_MAX_BODY + 1024 - body.len();
        insert_member(&mut body, &format!(r#""padding":"{}""#, "x".repeat(pad)));
    }
    let signed_body = body.clone().into_bytes();
    if a.tamper {
        insert_member(&mut body, r#""tampered":true"#);
    }
    Delivery {
        kind: event.kind,
        body: body.into_bytes(),
        signed_body,
        headers,
        age,
    }
}

/// Adds a member before the closing brace of a JSON object.
fn insert_member(body: &mut String, member: &str) {
    if let Some(i) = body.rfind('}') {
        body.insert_str(i, &format!(",{member}"));
    }
}

struct Sender<'a> {
    provider: Provider,
    url: &'a Url,
    signer: &'a Signer,
    timeout: Duration,
    scale: f64,
    out: &'a Out,
}

impl Sender<'_> {
    /// Attempts until delivered or given up; returns the report and the first attempt's headers.
    fn deliver(
        &self,
        d: &Delivery,
        replay_of: Option<Vec<(String, String)>>,
    ) -> Result<(Value, Vec<(String, String)>), String> {
        let mut attempts = Vec::new();
        let mut first_headers = None;
        let mut wait = 0u64;
        for attempt in 1usize.. {
            if wait > 0 {
                self.sleep(wait, attempt);
            }
            let headers = match &replay_of {
                Some(h) => h.clone(),
                None => self.sign(d)?,
            };
            first_headers.get_or_insert_with(|| headers.clone());
            let result = http::post(self.url, &headers, &d.body, self.timeout);
            let (status, retry_after, mut record) = match result {
                Ok(r) => (
                    Some(r.status),
                    r.retry_after,
                    json!({ "status": r.status, "response": r.body, "duplicate": is_duplicate(&r.body) }),
                ),
                Err(e) => (None, None, json!({ "status": null, "error": e })),
            };
            record["attempt"] = json!(attempt);
            record["after_seconds"] = json!(wait);
            if let Some(r) = retry_after {
                record["retry_after"] = json!(r);
            }
            let next = self.provider.next(attempt, status, retry_after);
            self.print_attempt(&record, replay_of.is_some(), &next);
            attempts.push(record);
            let outcome = match next {
                Next::RetryAfter(s) => {
                    wait = s;
                    continue;
                }
                Next::Delivered => "delivered",
                Next::GiveUp(why) => why,
            };
            self.out.progress_done();
            if !self.out.json {
                self.out
                    .line(&format!("  {outcome} after {attempt} attempt(s)"));
            }
            let report = json!({
                "replay": replay_of.is_some(),
                "outcome": outcome,
                "status": status,
                "attempts": attempts,
            });
            return Ok((report, first_headers.unwrap_or_default()));
        }
        unreachable!("the loop returns when the provider gives up")
    }

    /// One attempt, as soon as it is answered (or fails): a line for people, or a JSON
    /// line (`"attempt"`, before the summary line that ends the run).
    fn print_attempt(&self, record: &Value, replay: bool, next: &Next) {
        let out = self.out;
        self.out.progress_done();
        if out.json {
            let mut line = record.clone();
            line["replay"] = json!(replay);
            if let Next::RetryAfter(s) = next {
                line["retry_in_seconds"] = json!(s);
            }
            out.json_line(&line);
            return;
        }
        let answer = match record["status"].as_u64() {
            Some(s) => {
                let style = if (200..300).contains(&s) {
                    Style::Good
                } else {
                    Style::Bad
                };
                let dup = if record["duplicate"] == true {
                    " (duplicate)"
                } else {
                    ""
                };
                format!("{}{dup}", out.paint(&s.to_string(), style))
            }
            None => out.paint(record["error"].as_str().unwrap_or("no answer"), Style::Bad),
        };
        let then = match next {
            Next::RetryAfter(s) => format!(", retry in {}", human(*s)),
            _ => String::new(),
        };
        out.line(&format!(
            "  attempt {} after {:<8}{answer}{then}",
            record["attempt"],
            human(record["after_seconds"].as_u64().unwrap_or(0))
        ));
    }

    fn sign(&self, d: &Delivery) -> Result<Vec<(String, String)>, String> {
        let signed = self
            .signer
            .sign(&d.signed_body, Some(unix_now() - d.age))
            .map_err(|e| e.to_string())?;
        Ok(d.headers.iter().cloned().chain(signed).collect())
    }

    fn sleep(&self, seconds: u64, attempt: usize) {
        let scaled = Duration::from_secs_f64(seconds as f64 * self.scale);
        self.out.progress(&format!(
            "attempt {attempt} in {} (scaled to {:.3} s)…",
            human(seconds),
            scaled.as_secs_f64()
        ));
        std::thread::sleep(scaled);
    }
}

/// `90` → `1m30s`, `7200` → `2h`.
fn human(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut out = String::new();
    for (n, unit) in [(h, "h"), (m, "m"), (s, "s")] {
        if n > 0 {
            out.push_str(&format!("{n}{unit}"));
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

/// Whether a receiver's answer is the receive contract's duplicate acknowledgement
/// (`{"duplicate":true}`, with or without other members).
fn is_duplicate(body: &str) -> bool {
    body.trim() == DUPLICATE_BODY
        || serde_json::from_str::<Value>(body).is_ok_and(|v| v["duplicate"] == true)
}

/// What the receiver did with a replay, from its last answer: a code for scripts and a
/// sentence for people.
fn replay_verdict(report: &Value) -> (&'static str, String) {
    let last = report["attempts"]
        .as_array()
        .and_then(|a| a.last())
        .cloned()
        .unwrap_or_default();
    match last["status"].as_u64() {
        Some(s) if (200..300).contains(&s) && last["duplicate"] == true => (
            "deduplicated",
            format!("the receiver acknowledged the replay as a duplicate ({s} {DUPLICATE_BODY}) and did not process it again"),
        ),
        Some(s) if (200..300).contains(&s) => (
            "processed",
            format!(
                "the receiver processed the replay as a new delivery ({s} without \
                 {DUPLICATE_BODY}): a provider's retry, or anyone who captured the request, runs \
                 the handler twice; de-duplicate on the idempotency key (docs/receiving.md)"
            ),
        ),
        Some(s) => (
            "rejected",
            format!("the receiver rejected the replay ({s}) instead of acknowledging it as a duplicate with 200"),
        ),
        None => ("failed", "the replay got no answer".to_owned()),
    }
}
