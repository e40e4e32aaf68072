//! `hookseal sign`: the headers a provider would send with a body.

use crate::args::{parse_scheme, read_body, SchemeFlags};
use crate::out::Out;
use clap::Args;
use hookseal::Signer;
use std::process::ExitCode;

#[derive(Args)]
pub struct SignArgs {
    /// The scheme id (saleslab, salesos, salesbooth, salescaling, standard-webhooks, stripe, github, custom).
    #[arg(long)]
    scheme: String,
    /// The signing secret (or the token, for salescaling), exactly as the provider shows it.
    #[arg(long, env = "HOOKSEAL_SECRET", hide_env_values = true)]
    secret: String,
    /// Unix seconds to sign (timestamped schemes); default now.
    #[arg(long)]
    timestamp: Option<i64>,
    /// The message id (standard-webhooks, custom id.ts.body).
    #[arg(long)]
    id: Option<String>,
    /// Print a ready curl command that posts FILE to URL with these headers.
    #[arg(long, value_name = "URL")]
    curl: Option<String>,
    #[command(flatten)]
    flags: SchemeFlags,
    /// The body to sign (`-` for stdin).
    file: String,
}

pub fn run(a: SignArgs, out: &Out) -> Result<ExitCode, String> {
    let scheme = parse_scheme(&a.scheme)?;
    let body = read_body(&a.file)?;
    let signer = Signer::with_options(scheme, a.secret.as_bytes(), &a.flags.options()?)
        .map_err(|e| e.to_string())?;
    let headers = signer
        .sign_with_id(&body, a.timestamp, a.id.as_deref())
        .map_err(|e| e.to_string())?;
    if out.json {
        let map: serde_json::Map<String, serde_json::Value> = headers
            .iter()
            .map(|(k, v)| (k.clone(), v.clone().into()))
            .collect();
        out.json_line(&serde_json::json!({ "scheme": scheme.as_str(), "headers": map }));
    } else if let Some(url) = &a.curl {
        out.line(&curl_command(url, &headers, &a.file));
    } else {
        for (name, value) in &headers {
            out.line(&format!("{name}: {value}"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A curl command posting the exact bytes of `file` (`--data-binary`, never `-d`, which
/// strips newlines and so changes what was signed).
fn curl_command(url: &str, headers: &[(String, String)], file: &str) -> String {
    let mut cmd = format!("curl -sS -X POST {}", quote(url));
    cmd.push_str(" -H 'content-type: application/json'");
    for (name, value) in headers {
        cmd.push_str(&format!(" -H {}", quote(&format!("{name}: {value}"))));
    }
    cmd.push_str(&format!(" --data-binary @{}", quote(file)));
    cmd
}

/// Single-quotes a word for a POSIX shell.
fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
