//! `hookseal verify`: exit 0 for a genuine delivery, 1 for a rejected one, and with
//! `--explain` the likely cause of a rejection.

use crate::args::{parse_header, parse_scheme, read_body, unix_now, SchemeFlags};
use crate::explain;
use crate::out::{Out, Style};
use crate::request::{self, HeaderList};
use clap::Args;
use hookseal::{detect, explain_detect, explain_secrets, Explanation, Scheme, Verified, Verifier};
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
    let scheme = match (a.scheme.as_str(), detect(&headers)) {
        ("auto", Some(s)) => s,
        // The core says why nothing was detected (salescaling and custom never are).
        ("auto", None) if a.explain => return Ok(report(out, None, &explain_detect(&headers))),
        ("auto", None) => {
            return Err("no known signature header in the request: pass --scheme \
                        (salescaling and custom schemes cannot be detected; --explain says why)"
                .into())
        }
        (id, _) => parse_scheme(id)?,
    };
    let options = a.flags.options()?;
    let now = a.now.unwrap_or_else(unix_now);
    if a.explain {
        let why = explain_secrets(scheme, &a.secret, &options, &headers, &body, now);
        // A secret no verifier takes is a configuration mistake: exit 2, as without --explain.
        if why.code.is_some_and(|c| c.http_status() == 500) {
            report(out, Some(scheme), &why);
            return Ok(ExitCode::from(2));
        }
        if !why.ok {
            return Ok(report(out, Some(scheme), &why));
        }
    }
    let verifier =
        Verifier::with_options(scheme, &a.secret, &options).map_err(|e| e.to_string())?;
    match verifier.verify_at(&headers, &body, now) {
        Ok(v) => {
            report_ok(out, &v);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let why = Explanation {
                ok: false,
                code: Some(e.code()),
                message: e.message().to_owned(),
                findings: Vec::new(),
            };
            Ok(report(out, Some(scheme), &why))
        }
    }
}

/// Prints a rejection (with its findings, if explained); exit status 1.
fn report(out: &Out, scheme: Option<Scheme>, why: &Explanation) -> ExitCode {
    if out.json {
        out.json_line(&explain::to_json(scheme, why));
    } else {
        explain::print(out, scheme, why);
    }
    ExitCode::from(1)
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
