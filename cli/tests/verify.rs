//! `hookseal verify`: exit codes, and `--explain` printing the core's findings for each
//! usual mistake (the findings themselves are tested in core/tests/explain.rs).

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
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The message of the first finding.
fn detail(v: &Value) -> &str {
    v["findings"][0]["message"].as_str().unwrap()
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
fn a_secret_with_whitespace_is_explained_and_exits_2() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let (code, v) = explain("salesos", "whsec_k\n", &h, BODY);
    assert_eq!(code, 2, "{v}");
    assert_eq!(v["error"], "invalid_secret");
    assert_eq!(causes(&v), ["secret_whitespace"]);
    assert!(detail(&v).contains("1 trailing"), "{v}");
    assert!(detail(&v).contains("trimmed, it verifies"), "{v}");
    // Whitespace and a missing prefix together: both are named.
    let (_, v) = explain("salesos", " k ", &h, BODY);
    assert_eq!(causes(&v), ["secret_whitespace", "missing_whsec_prefix"]);
}

#[test]
fn the_secret_mistakes() {
    let h = signed(Scheme::Salesbooth, "whsec_k", BODY, NOW);
    let (code, v) = explain("salesbooth", "k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "signature_mismatch");
    assert_eq!(v["code"], "signature_mismatch");
    assert_eq!(v["status"], 401);
    assert_eq!(causes(&v), ["missing_whsec_prefix"]);
    let h = signed(Scheme::SalesLab, "sl_k", BODY, NOW);
    let (_, v) = explain("saleslab", "whsec_sl_k", &h, BODY);
    assert_eq!(causes(&v), ["extra_whsec_prefix"]);
    let (_, v) = explain("saleslab", "sl_wrong_secret", &h, BODY);
    assert_eq!(causes(&v), ["no_known_mistake"]);
}

#[test]
fn a_reserialized_body() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    // What Python's json.dumps(json.loads(body)) gives: same JSON, different bytes.
    let python = br#"{"id": "evt_1", "type": "deal.won", "created_at": "2026-03-15T14:30:00Z", "data": {"value": 82000}}"#;
    let (code, v) = explain("salesos", "whsec_k", &h, python);
    assert_eq!(code, 1);
    assert_eq!(causes(&v), ["body_reserialized"]);
    assert!(detail(&v).contains("compact"));
}

#[test]
fn a_trailing_newline_lost_as_curl_d_loses_it() {
    // The sender signed the file's bytes, newline included; `curl -d @file` dropped it.
    let sent = [BODY, b"\n"].concat();
    let h = signed(Scheme::SalesLab, "sl_k", &sent, NOW);
    let (code, v) = explain("saleslab", "sl_k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(causes(&v), ["trailing_newline_lost"]);
    assert!(detail(&v).contains("curl -d"), "{v}");
}

/// The only cause is a clock skew, and its detail says `says`.
fn assert_clock_skew(v: &Value, says: &str) {
    assert_eq!(causes(v), ["clock_skew"]);
    let detail = detail(v);
    assert!(detail.contains(says), "{detail}");
}

#[test]
fn clock_skew_humanized() {
    let h = signed(
        Scheme::Salesbooth,
        "whsec_k",
        BODY,
        NOW - (3 * 3600 + 12 * 60),
    );
    let (code, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "timestamp_too_old");
    assert_clock_skew(&v, "3 h 12 min behind this clock (11520 s");
    assert_clock_skew(&v, "signature itself is valid");
    let h = signed(Scheme::Salesbooth, "whsec_k", BODY, NOW + 420);
    let (_, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(v["error"], "timestamp_too_new");
    assert_clock_skew(&v, "7 min ahead of this clock");
}

#[test]
fn wrong_scheme_names_the_scheme_the_headers_look_like() {
    let h = signed(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let (code, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "missing_signature");
    assert_eq!(causes(&v), ["wrong_scheme"]);
    assert!(
        detail(&v).contains("as salesos, the same secrets verify it"),
        "{v}"
    );
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
    assert!(detail(&v).contains("54 of 64 hex digits"));
}

#[test]
fn auto_explains_why_salescaling_is_not_detected() {
    let h = [
        "--header".to_owned(),
        "authorization: Bearer sc_tok".to_owned(),
    ];
    let (code, v) = explain("auto", "sc_tok", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "missing_signature");
    assert_eq!(causes(&v), ["scheme_not_detected", "undetectable_scheme"]);
    let why = v["findings"][1]["message"].as_str().unwrap();
    assert!(why.contains("salescaling"), "{why}");
    assert!(why.contains("configurable"), "{why}");
    // Without --explain it is a usage error that points at --explain.
    let dir = scratch("auto-sc");
    let file = write(&dir, "b.json", BODY);
    let o = hookseal(&[
        "verify",
        "--secret",
        "sc_tok",
        "-H",
        "authorization: Bearer sc_tok",
        &file,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--explain says why"));
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
        text.contains("likely cause missing_whsec_prefix: secret #0"),
        "{text}"
    );
    // No secret on the screen.
    assert!(!text.contains("whsec_k"), "{text}");
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
fn a_stripe_value_sent_to_salesbooth_names_stripe() {
    let ts = format!("x-salesbooth-timestamp: {NOW}");
    let sig = format!("x-salesbooth-signature: t={NOW},v1={}", "ab".repeat(32));
    let h = ["--header".to_owned(), ts, "--header".to_owned(), sig];
    let (_, v) = explain("salesbooth", "whsec_k", &h, BODY);
    assert_eq!(causes(&v), ["wrong_scheme"]);
    assert!(
        detail(&v).contains("format of stripe (t=<ts>,v1=<hex>)"),
        "{v}"
    );
}

#[test]
fn a_token_without_its_prefix() {
    let h = ["--header".to_owned(), "authorization: sc_tok".to_owned()];
    let (code, v) = explain("salescaling", "sc_tok", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "malformed_signature");
    assert_eq!(causes(&v), ["token_prefix"]);
}

/// The flags of a custom scheme that signs `ts.body` with its timestamp in `x-acme-ts`.
const CUSTOM_TS: [&str; 8] = [
    "--option-header",
    "x-acme-signature",
    "--option-prefix",
    "v2=",
    "--content",
    "ts.body",
    "--timestamp-header",
    "x-acme-ts",
];

/// The `CUSTOM_TS` flags and the headers of `BODY` signed with them at `ts`.
fn custom_ts_args(secret: &str, ts: i64) -> Vec<String> {
    let mut options = hookseal::Options::default();
    for pair in CUSTOM_TS.chunks(2) {
        let name = pair[0]
            .trim_start_matches("--option-")
            .trim_start_matches("--");
        options.set(&name.replace('-', "_"), pair[1]).unwrap();
    }
    let headers = Signer::with_options(Scheme::Custom, secret, &options)
        .unwrap()
        .sign(BODY, Some(ts))
        .unwrap()
        .into_iter()
        .flat_map(|(k, v)| ["--header".to_owned(), format!("{k}: {v}")]);
    CUSTOM_TS
        .iter()
        .map(|s| s.to_string())
        .chain(headers)
        .collect()
}

#[test]
fn a_custom_ts_body_scheme_verifies_from_the_command_line() {
    let h = custom_ts_args("acme_k", NOW - 10);
    let (code, v) = explain("custom", "acme_k", &h, BODY);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["scheme"], "custom");
    assert_eq!(v["timestamp"], NOW - 10);
}

#[test]
fn clock_skew_of_a_custom_scheme_reads_its_timestamp_header() {
    let h = custom_ts_args("acme_k", NOW - 3600);
    let (code, v) = explain("custom", "acme_k", &h, BODY);
    assert_eq!(code, 1);
    assert_eq!(v["error"], "timestamp_too_old");
    assert_clock_skew(&v, "1 h behind this clock (3600 s");
    assert_clock_skew(&v, "signature itself is valid");
    // With the wrong secret the skew still comes from the custom timestamp header.
    let (_, v) = explain("custom", "acme_wrong_secret", &h, BODY);
    assert_clock_skew(&v, "does not match either");
}

#[test]
fn a_generic_option_reaches_the_core_parser() {
    // `--option name=value` is the same as the named flag.
    let mut h = vec![
        "--option".to_owned(),
        "header=x-acme-signature".to_owned(),
        "--option".to_owned(),
        "encoding=base64".to_owned(),
    ];
    let options = hookseal::Options {
        header: Some("x-acme-signature".into()),
        encoding: Some(hookseal::Encoding::Base64),
        ..Default::default()
    };
    let signed = Signer::with_options(Scheme::Custom, "acme_k", &options)
        .unwrap()
        .sign(BODY, None)
        .unwrap();
    h.extend(
        signed
            .into_iter()
            .flat_map(|(k, v)| ["--header".to_owned(), format!("{k}: {v}")]),
    );
    let (code, v) = explain("custom", "acme_k", &h, BODY);
    assert_eq!(code, 0, "{v}");
}

/// Runs `verify` with extra flags and returns (exit code, stderr).
fn verify_with(flags: &[&str]) -> (i32, String) {
    let dir = scratch("verify-flags");
    let file = write(&dir, "b.json", BODY);
    let mut args = vec!["verify", "--scheme", "custom", "--secret", "k"];
    args.extend(flags);
    args.push(&file);
    let o = hookseal(&args);
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn an_unknown_option_is_the_cores_invalid_option() {
    let (code, err) = verify_with(&["--option-header", "x-sig", "--option", "tolerence=5"]);
    assert_eq!(code, 2, "{err}");
    let expected = hookseal::Options::default()
        .set("tolerence", "5")
        .unwrap_err()
        .to_string();
    assert!(err.contains(&expected), "{err}");
    assert!(err.contains("invalid_option"), "{err}");
}

#[test]
fn a_bad_option_value_is_the_cores_invalid_option() {
    for (flags, option, value) in [
        (["--encoding", "hex64"], "encoding", "hex64"),
        (["--content", "body.ts"], "content", "body.ts"),
        (["--max-body", "lots"], "max_body", "lots"),
        (["--tolerance", "soon"], "tolerance", "soon"),
    ] {
        let mut all = vec!["--option-header", "x-sig"];
        all.extend(flags);
        let (code, err) = verify_with(&all);
        assert_eq!(code, 2, "{err}");
        let expected = hookseal::Options::default()
            .set(option, value)
            .unwrap_err()
            .to_string();
        assert!(err.contains(&expected), "{flags:?}: {err}");
    }
    // `--option` without `=` is the command's own usage error.
    let (code, err) = verify_with(&["--option-header", "x-sig", "--option", "nonsense"]);
    assert_eq!(code, 2);
    assert!(err.contains("name=value"), "{err}");
}
