//! `hookseal verify`: exit 0 for a genuine delivery, 1 for a rejected one, and with
//! `--explain` the likely cause of a rejection.

use crate::args::{parse_header, parse_scheme, read_body, unix_now, SchemeFlags};
use crate::explain::{self, Case};
use crate::out::{Out, Style};
use crate::request::{self, HeaderList};
use clap::Args;
use hookseal::{detect, Error, Scheme, Verified, Verifier};
use serde_json::json;
use std::process::ExitCode;

#[derive(Args)]
pub struct VerifyArgs {
    /// The scheme id, or "auto" to guess it from the headers.
    #[arg(long, default_value = "auto")]
    scheme: String,
    /// A signing secret (or token); repeat during a rotation.
    #[arg(long, env = "HOOKSEAL_SECRET", hide_env_values = true, required = true)]
    secret: Vec<String>,
    /// A request header, `Name: value`; repeat for each.
    #[arg(long = "header", short = 'H')]
    headers: Vec<String>,
    /// A raw HTTP request as captured (request line, headers, body) instead of FILE and --header.
    #[arg(long, conflicts_with = "file")]
    request: Option<String>,
    /// Verify as if it were this unix time (replays of captured requests, tests).
    #[arg(long)]
    now: Option<i64>,
    /// On failure, say which check failed and the likely cause.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    flags: SchemeFlags,
    /// The raw body (`-` for stdin).
    #[arg(required_unless_present = "request")]
    file: Option<String>,
}

pub fn run(a: VerifyArgs, out: &Out) -> Result<ExitCode, String> {
    let (headers, body) = match (&a.request, &a.file) {
        (Some(path), _) => request::parse(&read_body(path)?)?,
        (None, Some(path)) => {
            let headers = a
                .headers
                .iter()
                .map(|h| parse_header(h))
                .collect::<Result<HeaderList, _>>()?;
            (headers, read_body(path)?)
        }
        (None, None) => return Err("give a body FILE or --request".into()),
    };
    let scheme = match a.scheme.as_str() {
        "auto" => detect(&headers).ok_or(
            "no known signature header in the request: pass --scheme \
             (salescaling and custom schemes cannot be detected)",
        )?,
        id => parse_scheme(id)?,
    };
    let options = a.flags.options()?;
    let verifier =
        Verifier::with_options(scheme, &a.secret, &options).map_err(|e| e.to_string())?;
    let now = a.now.unwrap_or_else(unix_now);
    match verifier.verify_at(&headers, &body, now) {
        Ok(v) => {
            report_ok(out, &v);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let causes = if a.explain {
                let case = Case {
                    scheme,
                    secrets: &a.secret,
                    options: &options,
                    headers: &headers,
                    body: &body,
                    now,
                };
                explain::explain(&case, &e)
            } else {
                Vec::new()
            };
            report_err(out, scheme, &e, &causes);
            Ok(ExitCode::from(1))
        }
    }
}

fn report_ok(out: &Out, v: &Verified<'_>) {
    let env = v.envelope();
    if out.json {
        out.json_line(&json!({
            "ok": true,
            "scheme": v.scheme.as_str(),
            "kind": env.kind,
            "event_id": env.event_id,
            "tenant": env.tenant,
            "timestamp": v.timestamp,
            "idempotency_key": env.idempotency_key,
            "secret_index": v.secret_index,
        }));
        return;
    }
    out.line(&format!(
        "{} {} delivery verified (secret #{})",
        out.paint("ok", Style::Good),
        v.scheme,
        v.secret_index
    ));
    let field = |name: &str, value: Option<&str>| {
        if let Some(value) = value {
            out.line(&format!("  {:<16}{value}", name));
        }
    };
    field("kind", env.kind.as_deref());
    field("event id", env.event_id.as_deref());
    field("tenant", env.tenant.as_deref());
    field("timestamp", v.timestamp.map(|t| t.to_string()).as_deref());
    field("idempotency key", Some(&env.idempotency_key));
}

fn report_err(out: &Out, scheme: Scheme, e: &Error, causes: &[explain::Cause]) {
    if out.json {
        let causes: Vec<_> = causes.iter().map(explain::Cause::to_json).collect();
        out.json_line(&json!({
            "ok": false,
            "scheme": scheme.as_str(),
            "error": e.code().as_str(),
            "message": e.message(),
            "status": e.http_status(),
            "causes": causes,
        }));
        return;
    }
    out.line(&format!(
        "{} {} delivery: {} ({}; a receiver answers {})",
        out.paint("rejected", Style::Bad),
        scheme,
        e.code(),
        e.message(),
        e.http_status()
    ));
    for cause in causes {
        out.line(&format!(
            "  {} {}: {}",
            out.paint("likely cause", Style::Warn),
            cause.id,
            cause.detail
        ));
    }
}
