//! `verify --explain`: prints the core's [`Explanation`] for people or as JSON. Every
//! finding comes from the `hookseal` crate (`Verifier::explain_at`, `explain_secrets`,
//! `explain_detect`; the codes are in docs/explain.md); this module only renders them.

use crate::out::{Out, Style};
use hookseal::{ErrorCode, Explanation, Scheme};
use serde_json::{json, Value};

/// The explanation as the command's JSON line: the core's shape, plus the scheme, the
/// HTTP status a receiver answers with, and `error` (the code, as without `--explain`).
pub fn to_json(scheme: Option<Scheme>, why: &Explanation) -> Value {
    let mut v: Value = serde_json::from_str(&why.to_json()).unwrap_or_default();
    v["scheme"] = json!(scheme.map(Scheme::as_str));
    if let Some(code) = why.code {
        v["error"] = json!(code.as_str());
        v["status"] = json!(code.http_status());
    }
    v
}

/// A rejection and its findings, for people.
pub fn print(out: &Out, scheme: Option<Scheme>, why: &Explanation) {
    let what = scheme.map_or("the".to_owned(), |s| s.to_string());
    let code = why.code.unwrap_or(ErrorCode::SignatureMismatch);
    out.line(&format!(
        "{} {what} delivery: {code} ({}; a receiver answers {})",
        out.paint("rejected", Style::Bad),
        why.message,
        code.http_status()
    ));
    for f in &why.findings {
        out.line(&format!(
            "  {} {}: {}",
            out.paint("likely cause", Style::Warn),
            f.code,
            f.message
        ));
    }
}
