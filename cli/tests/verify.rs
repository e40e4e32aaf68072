//! `hookseal verify`: exit codes, and `--explain` naming the cause of each usual mistake.

mod common;
use common::*;
use hookseal::{Scheme, Signer};
use serde_json::Value;

const NOW: i64 = 1_700_000_000;
const BODY: &[u8] = br#"{"id":"evt_1","type":"deal.won","created_at":"2026-03-15T14:30:00Z","data":{"value":82000}}"#;

/// Signs `body` as `scheme` with `secret` at `ts`, and returns `--header` arguments.
fn signed(scheme: Scheme, secret: &str, body: &[u8], ts: i64) -> Vec<String> {
    Signer::new(scheme, secret)
        .unwrap()
        .sign(body, Some(ts))
        .unwrap()
        .into_iter()
        .flat_map(|(k, v)| ["--header".to_owned(), format!("{k}: {v}")])
        .collect()
}

/// Runs `verify --explain --json` and returns (exit code, output).
fn explain(scheme: &str, secret: &str, headers: &[String], body: &[u8]) -> (i32, Value) {
    let dir = scratch(&format!("explain-{}", headers.len() + body.len()));
    let file = write(&dir, &format!("{:x}.body", body.len()), body);
    let now = NOW.to_string();
    let mut args = vec![
        "verify",
        "--explain",
        "--json",
        "--scheme",
        scheme,
        "--secret",
        secret,
        "--now",
        &now,
    ];
    args.extend(headers.iter().map(String::as_str));
    args.push(&file);
    let o = hookseal(&args);
    (o.status.code().unwrap(), json(&o))
}

fn causes(v: &Value) -> Vec<String> {
    v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cause"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_genuine_delivery_exits_zero_with_its_envelope() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let (code, v) = explain("salesos", "whsec_k", &h, BODY);
    assert_eq!(code, 0);
    assert_eq!(v["ok"], true);
    assert_eq!(v["kind"], "deal.won");
    assert_eq!(v["idempotency_key"], "evt_1");
}

#[test]
fn auto_detects_the_scheme_and_prints_for_people() {
    let dir = scratch("auto");
    let file = write(&dir, "b.json", BODY);
    let h = signed(Scheme::SalesLab, "k", BODY, NOW);
    let mut args: Vec<&str> = vec!["verify", "--secret", "k"];
    args.extend(h.iter().map(String::as_str));
    args.push(&file);
    let o = hookseal(&args);
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with("ok saleslab delivery verified"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn secret_with_surrounding_whitespace() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let (code, v) = explain("salesos", "whsec_k\n", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "signature_mismatch");
    assert_eq!(causes(&v), ["secret_whitespace"]);
    assert!(v["causes"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("1 trailing"));
}

#[test]
fn secret_missing_its_whsec_prefix() {
    let h = signed(Scheme::Salesbooth, "whsec_k", BODY, NOW);
    let (_, v) = explain("salesbooth", "k", &h, BODY);
    assert_eq!(causes(&v), ["secret_missing_whsec_prefix"]);
}

#[test]
fn secret_with_an_extra_whsec_prefix() {
    let h = signed(Scheme::SalesLab, "sl_k", BODY, NOW);
    let (_, v) = explain("saleslab", "whsec_sl_k", &h, BODY);
    assert_eq!(causes(&v), ["secret_extra_whsec_prefix"]);
}

#[test]
fn whitespace_and_prefix_together() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let (_, v) = explain("salesos", " k ", &h, BODY);
    assert_eq!(
        causes(&v),
        ["secret_whitespace", "secret_missing_whsec_prefix"]
    );
}

#[test]
fn a_reserialized_body() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    // What Python's json.dumps(json.loads(body)) gives: same JSON, different bytes.
    let python = br#"{"id": "evt_1", "type": "deal.won", "created_at": "2026-03-15T14:30:00Z", "data": {"value": 82000}}"#;
    let (code, v) = explain("salesos", "whsec_k", &h, python);
    assert_eq!(code, 1);
    assert_eq!(causes(&v), ["body_reserialized"]);
    assert!(v["causes"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("compact"));
    // And a provider that sends pretty JSON, verified after compacting it.
    let pretty = b"{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}";
    let h = signed(Scheme::SalesLab, "k", pretty, NOW);
    let (_, v) = explain("saleslab", "k", &h, br#"{"a":1,"b":[true]}"#);
    assert_eq!(causes(&v), ["body_reserialized"]);
    assert!(v["causes"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("2-space"));
}

#[test]
fn clock_skew_in_seconds() {
    let h = signed(Scheme::Salesbooth, "whsec_k", BODY, NOW - 3600);
    let (code, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "timestamp_too_old");
    assert_eq!(causes(&v), ["clock_skew"]);
    assert_eq!(v["causes"][0]["skew_seconds"], 3600);
    assert!(v["causes"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("signature itself is valid"));
    let h = signed(Scheme::Salesbooth, "whsec_k", BODY, NOW + 420);
    let (_, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(v["error"], "timestamp_too_new");
    assert_eq!(v["causes"][0]["skew_seconds"], -420);
}

#[test]
fn wrong_scheme_names_the_scheme_the_headers_look_like() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let (code, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "missing_signature");
    assert_eq!(causes(&v), ["wrong_scheme"]);
    assert_eq!(v["causes"][0]["looks_like"], "salesos");
    assert!(v["causes"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("with --scheme salesos it verifies"));
}

#[test]
fn a_truncated_signature() {
    let mut h = signed(Scheme::SalesLab, "k", BODY, NOW);
    let last = h.last_mut().unwrap();
    last.truncate(last.len() - 10);
    let (code, v) = explain("saleslab", "k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "malformed_signature");
    assert_eq!(causes(&v), ["truncated_signature"]);
    assert_eq!(v["causes"][0]["digits"], 54);
}

#[test]
fn an_unexplained_mismatch_says_so() {
    let h = signed(Scheme::SalesLab, "k", BODY, NOW);
    let (_, v) = explain("saleslab", "other", &h, BODY);
    assert_eq!(causes(&v), ["unknown"]);
}

#[test]
fn explain_for_people_names_the_cause() {
    let dir = scratch("explain-text");
    let file = write(&dir, "b.json", BODY);
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let mut args: Vec<&str> = vec![
        "verify",
        "--explain",
        "--scheme",
        "salesos",
        "--secret",
        "k",
    ];
    args.extend(h.iter().map(String::as_str));
    args.push(&file);
    let o = hookseal(&args);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.starts_with("rejected salesos delivery: signature_mismatch"),
        "{text}"
    );
    assert!(
        text.contains("likely cause secret_missing_whsec_prefix"),
        "{text}"
    );
}

#[test]
fn a_captured_raw_request() {
    let dir = scratch("request");
    let h = Signer::new(Scheme::Salesbooth, "whsec_k")
        .unwrap()
        .sign(BODY, Some(NOW))
        .unwrap();
    let mut raw = b"POST /webhooks/salesbooth HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n".to_vec();
    for (k, v) in &h {
        raw.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    raw.extend_from_slice(format!("Content-Length: {}\r\n\r\n", BODY.len()).as_bytes());
    raw.extend_from_slice(BODY);
    let file = write(&dir, "req.http", &raw);
    let now = NOW.to_string();
    let o = hookseal(&[
        "verify",
        "--json",
        "--secret",
        "whsec_k",
        "--now",
        &now,
        "--request",
        &file,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o)["scheme"], "salesbooth");
}

#[test]
fn a_value_in_another_schemes_format() {
    let ts = format!("x-salesbooth-timestamp: {NOW}");
    let sig = format!("x-salesbooth-signature: sha256={}", "ab".repeat(32));
    let h = ["--header".to_owned(), ts, "--header".to_owned(), sig];
    let (_, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(v["error"], "malformed_signature");
    assert_eq!(causes(&v), ["wrong_scheme"]);
    assert!(v["causes"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("sha256=<hex>"));
}

#[test]
fn a_token_is_never_called_truncated() {
    let h = ["--header".to_owned(), "authorization: sc_tok".to_owned()];
    let (code, v) = explain("salescaling", "sc_tok", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "malformed_signature");
    assert_eq!(causes(&v), ["unknown"]);
}
