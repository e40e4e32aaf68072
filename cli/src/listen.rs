//! `hookseal listen`: a local receiver that verifies every request, answers as
//! docs/receiving.md says (acknowledging duplicates with 200), and prints one line per
//! request.
//!
//! Each connection is served on its own thread, up to `MAX_CONNECTIONS` at once (see
//! `accept.rs`), and has `READ_TIMEOUT_SECS` to send its head and body: a stalled client
//! holds one thread for that long and never delays another delivery.

use crate::accept;
use crate::args::{parse_scheme, SchemeFlags};
use crate::out::{Out, Style};
use crate::provider::Provider;
use crate::seen::Seen;
use crate::server::{BodyRead, Conn, Head, ReadError};
use clap::Args;
use hookseal::receive::{self, rejection_body};
use hookseal::{detect, ErrorCode, Scheme, Verifier};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;

/// Connections served at once; the next one is answered 503 until one ends.
const MAX_CONNECTIONS: u32 = 64;
/// Seconds from a connection's opening to the end of its body. The seed providers give
/// up after 8 or 10 s, so a request still arriving then would have no one to answer.
const READ_TIMEOUT_SECS: f64 = 10.0;
/// Idempotency keys remembered for duplicates, the oldest forgotten first: 100,000 keys of
/// 90 bytes grew the process by 15 MB.
const REMEMBERED_KEYS: usize = 100_000;

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
    /// Connections served at once (tests lower it).
    #[arg(long, default_value_t = MAX_CONNECTIONS, hide = true, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
    /// Seconds a request has to arrive, head and body (tests lower it).
    #[arg(long, default_value_t = READ_TIMEOUT_SECS, hide = true)]
    read_timeout: f64,
    /// Idempotency keys remembered (tests lower it).
    #[arg(long, default_value_t = REMEMBERED_KEYS, hide = true)]
    remember: usize,
}

/// Where a request goes: a fixed verifier per path, or one per detected scheme.
enum Routes {
    PerPath(HashMap<String, Verifier>),
    Single(Option<Verifier>, Vec<String>),
}

pub fn run(a: ListenArgs, out: &Out) -> Result<ExitCode, String> {
    if !(a.read_timeout.is_finite() && a.read_timeout > 0.0) {
        return Err("--read-timeout must be a positive number of seconds".into());
    }
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
    let listener = TcpListener::bind((a.host.as_str(), a.port))
        .map_err(|e| format!("binding {}:{}: {e}", a.host, a.port))?;
    let port = listener.local_addr().map_or(a.port, |s| s.port());
    if out.json {
        out.json_line(&json!({ "listening": format!("http://{}:{port}", a.host) }));
    } else {
        out.line(&format!("listening on http://{}:{port}", a.host));
    }
    let receiver = Receiver {
        routes,
        options,
        seen: Mutex::new(Seen::new(a.remember)),
        read_timeout: Duration::from_secs_f64(a.read_timeout),
        out,
    };
    accept::serve(&listener, a.max_connections, |stream| {
        receiver.serve(stream)
    });
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

/// What every connection's thread shares.
struct Receiver<'a> {
    routes: Routes,
    options: hookseal::Options,
    seen: Mutex<Seen>,
    read_timeout: Duration,
    out: &'a Out,
}

impl Receiver<'_> {
    /// Reads one request, verifies it, answers it and logs it.
    fn serve(&self, stream: TcpStream) {
        let mut conn = Conn::new(stream, self.read_timeout);
        let head = match conn.head() {
            Ok(head) => head,
            // A connection that sent nothing (a probe, an idle keep-alive) is not logged.
            Err(_) if !conn.received => return,
            Err(e) => return self.refuse_head(conn, e),
        };
        let path = head.target.split('?').next().unwrap_or("/").to_owned();
        let built;
        let verifier = match &self.routes {
            Routes::PerPath(map) => map.get(&path),
            Routes::Single(Some(v), _) => Some(v),
            Routes::Single(None, secrets) => {
                built = detect(&head.headers)
                    .and_then(|s| Verifier::with_options(s, secrets, &self.options).ok());
                built.as_ref()
            }
        };
        let Some(verifier) = verifier else {
            let (status, reason) = match self.routes {
                Routes::PerPath(_) => (404, "no provider at this path"),
                Routes::Single(..) => (400, "no known signature header"),
            };
            let read = match head.framing() {
                Ok(_) => BodyRead::Partly,
                Err(_) => BodyRead::Broken,
            };
            conn.respond(status, None, &json!({ "error": reason }).to_string(), read);
            Entry::rejected(&path, None, status, reason.into()).print(self.out);
            return;
        };
        // One byte past the limit is enough for the core to say payload_too_large; the
        // counter stops there whatever the framing announced.
        let body = head.framing().and_then(|framing| {
            conn.continue_if_expected(&head)?;
            conn.body(&framing, verifier.max_body() + 1)
        });
        let (body, read) = match body {
            Ok(read) => read,
            Err(e) => {
                let row = receive::reply("unreadable_body").expect("a row of the reply table");
                let message = format!("{}: {e}", row.message);
                conn.respond(
                    row.status,
                    None,
                    &rejection_body(row.code, &message),
                    BodyRead::Broken,
                );
                let reason = format!("{}: {message}", row.code);
                Entry::rejected(&path, Some(verifier.scheme()), row.status, reason).print(self.out);
                return;
            }
        };
        self.answer(conn, &path, &head, verifier, &body, read);
    }

    /// A head that could not be read: 408 for a timeout, 431 or 400 otherwise.
    fn refuse_head(&self, conn: Conn, e: ReadError) {
        let (status, code) = match e {
            ReadError::Timeout => (408, "request_timeout"),
            ReadError::HeadTooLarge => (431, "request_head_too_large"),
            _ => (400, "malformed_request"),
        };
        let message = format!("reading the request head: {e}");
        conn.respond(
            status,
            None,
            &rejection_body(code, &message),
            BodyRead::Broken,
        );
        Entry::rejected("-", None, status, format!("{code}: {message}")).print(self.out);
    }

    fn answer(
        &self,
        conn: Conn,
        path: &str,
        head: &Head,
        verifier: &Verifier,
        body: &[u8],
        read: BodyRead,
    ) {
        match verifier.verify(&head.headers, body) {
            Ok(v) => {
                let env = v.envelope();
                // A delivery with no idempotency key is never remembered: all of them
                // would share the empty key (the core's claim_key says so).
                let fresh = match receive::claim_key(v.scheme.as_str(), &env.idempotency_key) {
                    Some(key) => self.remember(&format!("{path} {key}")),
                    None => true,
                };
                // The core's duplicate acknowledgement, with what listen has always added.
                let mut answer: Value = if fresh {
                    json!({ "duplicate": false })
                } else {
                    serde_json::from_str(receive::DUPLICATE_BODY).unwrap_or_default()
                };
                answer["received"] = json!(true);
                answer["kind"] = json!(env.kind);
                answer["event_id"] = json!(env.event_id);
                conn.respond(200, None, &answer.to_string(), read);
                Entry {
                    path,
                    scheme: Some(v.scheme),
                    status: 200,
                    verdict: if fresh { "ok" } else { "duplicate" },
                    reason: String::new(),
                    kind: env.kind.as_deref(),
                    id: env.event_id.as_deref(),
                }
                .print(self.out);
            }
            Err(e) => {
                let status = e.http_status();
                // Only the limit plus one byte was read: say how long the sender said it was.
                let max = verifier.max_body();
                let message = match (e.code(), head.declared_length()) {
                    (ErrorCode::PayloadTooLarge, Some(n)) => {
                        format!("the body is {n} bytes; the limit is {max}")
                    }
                    // Chunked: no length was announced, and the rest was never read.
                    (ErrorCode::PayloadTooLarge, None) => {
                        format!("the body is over the limit of {max} bytes")
                    }
                    _ => e.message().to_owned(),
                };
                let answer = rejection_body(e.code().as_str(), &message);
                conn.respond(status, None, &answer, read);
                let reason = format!("{}: {message}", e.code());
                Entry::rejected(path, Some(verifier.scheme()), status, reason).print(self.out);
            }
        }
    }

    /// Records a delivery's key; true when it was not seen (within the last
    /// `--remember` keys).
    fn remember(&self, key: &str) -> bool {
        // A panic elsewhere cannot leave the set in a state worth refusing deliveries for.
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        seen.insert(key)
    }
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
