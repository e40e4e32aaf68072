//! `hookseal listen`: a local receiver that verifies every request, answers the status
//! of SPEC §3 (acknowledging duplicates with 200), and prints one line per request.

use crate::args::{parse_scheme, SchemeFlags};
use crate::out::{Out, Style};
use crate::provider::Provider;
use clap::Args;
use hookseal::{detect, ErrorCode, Scheme, Verifier};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::process::ExitCode;

#[derive(Args)]
pub struct ListenArgs {
    /// The port (0: any free one; the first line printed says which).
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// The address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// One scheme for every path ("auto": guess it from each request's headers).
    #[arg(long, default_value = "auto", conflicts_with = "providers")]
    scheme: String,
    /// A secret for every path; repeat during a rotation.
    #[arg(long, env = "HOOKSEAL_SECRET", hide_env_values = true)]
    secret: Vec<String>,
    /// One path per seed provider: /saleslab, /salesos, /salesbooth, /salescaling.
    #[arg(long)]
    providers: bool,
    /// A provider's own secret, `provider=secret` (also read from HOOKSEAL_SECRET_<PROVIDER>).
    #[arg(long, value_name = "PROVIDER=SECRET")]
    secret_for: Vec<String>,
    #[command(flatten)]
    flags: SchemeFlags,
}

/// Where a request goes: a fixed verifier per path, or one per detected scheme.
enum Routes {
    PerPath(HashMap<String, Verifier>),
    Single(Option<Verifier>, Vec<String>),
}

pub fn run(a: ListenArgs, out: &Out) -> Result<ExitCode, String> {
    let options = a.flags.options()?;
    let routes = if a.providers {
        let mut map = HashMap::new();
        for p in Provider::ALL {
            let secrets = provider_secrets(&a, p)?;
            let v = Verifier::with_options(p.scheme(), &secrets, &options)
                .map_err(|e| format!("{}: {e}", p.id()))?;
            map.insert(format!("/{}", p.id()), v);
        }
        Routes::PerPath(map)
    } else {
        if a.secret.is_empty() {
            return Err("give --secret (or --providers with per-provider secrets)".into());
        }
        let fixed = match a.scheme.as_str() {
            "auto" => None,
            id => Some(
                Verifier::with_options(parse_scheme(id)?, &a.secret, &options)
                    .map_err(|e| e.to_string())?,
            ),
        };
        Routes::Single(fixed, a.secret.clone())
    };
    let server = tiny_http::Server::http((a.host.as_str(), a.port))
        .map_err(|e| format!("binding {}:{}: {e}", a.host, a.port))?;
    let port = server.server_addr().to_ip().map_or(a.port, |s| s.port());
    if out.json {
        out.json_line(&json!({ "listening": format!("http://{}:{port}", a.host) }));
    } else {
        out.line(&format!("listening on http://{}:{port}", a.host));
    }
    let mut seen = HashSet::new();
    for request in server.incoming_requests() {
        handle(request, &routes, &options, &mut seen, out);
    }
    Ok(ExitCode::SUCCESS)
}

fn provider_secrets(a: &ListenArgs, p: Provider) -> Result<Vec<String>, String> {
    let prefix = format!("{}=", p.id());
    let mut secrets: Vec<String> = a
        .secret_for
        .iter()
        .filter_map(|s| s.strip_prefix(&prefix).map(str::to_owned))
        .collect();
    if secrets.is_empty() {
        let var = format!("HOOKSEAL_SECRET_{}", p.id().to_uppercase());
        secrets.extend(std::env::var(var).ok());
    }
    if secrets.is_empty() {
        secrets.extend(a.secret.iter().cloned());
    }
    if secrets.is_empty() {
        return Err(format!(
            "no secret for {0}: --secret-for {0}=… or HOOKSEAL_SECRET_{1}",
            p.id(),
            p.id().to_uppercase()
        ));
    }
    Ok(secrets)
}

fn handle(
    mut request: tiny_http::Request,
    routes: &Routes,
    options: &hookseal::Options,
    seen: &mut HashSet<String>,
    out: &Out,
) {
    let path = request.url().split('?').next().unwrap_or("/").to_owned();
    let headers: Vec<(String, Vec<u8>)> = request
        .headers()
        .iter()
        .map(|h| (h.field.as_str().to_string(), h.value.as_bytes().to_vec()))
        .collect();
    let built;
    let verifier = match routes {
        Routes::PerPath(map) => map.get(&path),
        Routes::Single(Some(v), _) => Some(v),
        Routes::Single(None, secrets) => {
            built = detect(&headers)
                .and_then(|s: Scheme| Verifier::with_options(s, secrets, options).ok());
            built.as_ref()
        }
    };
    let Some(verifier) = verifier else {
        let (status, reason) = match routes {
            Routes::PerPath(_) => (404, "no provider at this path"),
            Routes::Single(..) => (400, "no known signature header"),
        };
        respond(request, status, json!({ "error": reason }));
        Entry::rejected(&path, None, status, reason.into()).print(out);
        return;
    };
    // Read one byte past the limit: enough for the core to say payload_too_large.
    let limit = verifier.max_body() as u64 + 1;
    let declared = request.body_length();
    let mut body = Vec::new();
    if let Err(e) = request.as_reader().take(limit).read_to_end(&mut body) {
        respond(request, 400, json!({ "error": "unreadable body" }));
        Entry::rejected(&path, Some(verifier.scheme()), 400, e.to_string()).print(out);
        return;
    }
    match verifier.verify(&headers, &body) {
        Ok(v) => {
            let env = v.envelope();
            let fresh = seen.insert(format!("{path} {}", env.idempotency_key));
            let answer = json!({
                "received": true,
                "duplicate": !fresh,
                "kind": env.kind,
                "event_id": env.event_id,
            });
            respond(request, 200, answer);
            Entry {
                path: &path,
                scheme: Some(v.scheme),
                status: 200,
                verdict: if fresh { "ok" } else { "duplicate" },
                reason: String::new(),
                kind: env.kind.as_deref(),
                id: env.event_id.as_deref(),
            }
            .print(out);
        }
        Err(e) => {
            let status = e.http_status();
            // Only the limit plus one byte was read: say how long the sender said it was.
            let message = match (e.code(), declared) {
                (ErrorCode::PayloadTooLarge, Some(n)) => {
                    format!(
                        "the body is {n} bytes; the limit is {}",
                        verifier.max_body()
                    )
                }
                _ => e.message().to_owned(),
            };
            let answer = json!({ "error": e.code().as_str(), "message": message });
            respond(request, status, answer);
            let reason = format!("{}: {message}", e.code());
            Entry::rejected(&path, Some(verifier.scheme()), status, reason).print(out);
        }
    }
}

fn respond(request: tiny_http::Request, status: u16, body: serde_json::Value) {
    let header = tiny_http::Header::from_bytes(&b"content-type"[..], &b"application/json"[..])
        .expect("a static, valid header");
    let response = tiny_http::Response::from_string(body.to_string())
        .with_status_code(status)
        .with_header(header);
    // The sender may have gone (a timeout): nothing to do about a failed answer.
    let _ = request.respond(response);
}

/// One line of the receiver's log.
struct Entry<'a> {
    path: &'a str,
    scheme: Option<Scheme>,
    status: u16,
    verdict: &'a str,
    reason: String,
    kind: Option<&'a str>,
    id: Option<&'a str>,
}

impl<'a> Entry<'a> {
    fn rejected(path: &'a str, scheme: Option<Scheme>, status: u16, reason: String) -> Self {
        Entry {
            path,
            scheme,
            status,
            verdict: "rejected",
            reason,
            kind: None,
            id: None,
        }
    }

    fn print(&self, out: &Out) {
        let scheme = self.scheme.map_or("-", Scheme::as_str);
        if out.json {
            out.json_line(&json!({
                "path": self.path, "scheme": scheme, "status": self.status,
                "verdict": self.verdict, "reason": self.reason,
                "kind": self.kind, "event_id": self.id,
            }));
            return;
        }
        let style = match self.verdict {
            "ok" => Style::Good,
            "duplicate" => Style::Warn,
            _ => Style::Bad,
        };
        let detail = if self.reason.is_empty() {
            self.id.unwrap_or("-")
        } else {
            &self.reason
        };
        out.line(&format!(
            "{} {:<9} {:<12} {:<12} {:<32} {detail}",
            self.status,
            out.paint(self.verdict, style),
            self.path,
            scheme,
            self.kind.unwrap_or("-"),
        ));
    }
}
