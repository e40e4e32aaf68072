//! `Verifier::explain`, `explain_secrets` and `explain_detect`: every finding code of
//! docs/explain.md, from the mistake that produces it. No message may carry a secret or a
//! signature.

use hookseal::{
    explain_detect, explain_secrets, ErrorCode, Explanation, Options, Scheme, Secret, Signer,
    Verifier, FINDING_CODES,
};

const NOW: i64 = 1_700_000_000;
const BODY: &[u8] = br#"{"id":"evt_1","type":"deal.won","created_at":"2026-03-15T14:30:00Z","data":{"value":82000}}"#;

fn sign(scheme: Scheme, secret: &str, body: &[u8], ts: i64) -> Vec<(String, String)> {
    Signer::new(scheme, secret)
        .unwrap()
        .sign(body, Some(ts))
        .unwrap()
}

fn explain(scheme: Scheme, secret: &str, headers: &[(String, String)], body: &[u8]) -> Explanation {
    let why = Verifier::new(scheme, &[secret])
        .unwrap()
        .explain_at(headers, body, NOW);
    assert_no_secret(&why, &[secret], headers);
    why
}

fn codes(why: &Explanation) -> Vec<&'static str> {
    why.findings.iter().map(|f| f.code).collect()
}

/// No message names a secret or a signature value.
fn assert_no_secret(why: &Explanation, secrets: &[&str], headers: &[(String, String)]) {
    let json = why.to_json();
    for s in secrets.iter().map(|s| s.trim()).filter(|s| s.len() > 3) {
        assert!(!json.contains(s), "{json} names a secret");
    }
    for (name, value) in headers {
        if name.ends_with("signature") {
            let digest = value.rsplit(['=', ',']).next().unwrap();
            assert!(!json.contains(digest), "{json} names a signature");
        }
    }
}

/// The runnable example of docs/explain.md.
#[test]
fn docs_example() {
    // SalesOS shows its secret as whsec_…; the receiver's configuration dropped the prefix.
    let body = br#"{"id":"evt_1","type":"deal.won"}"#;
    let headers = Signer::new(Scheme::SalesOs, "whsec_k")
        .unwrap()
        .sign(body, None)
        .unwrap();
    let verifier = Verifier::new(Scheme::SalesOs, &["k"]).unwrap();

    let why = verifier.explain(&headers, body);
    assert!(!why.ok);
    assert_eq!(why.code, Some(ErrorCode::SignatureMismatch));
    assert_eq!(why.findings[0].code, "missing_whsec_prefix");
    println!("{}", why.to_json());
}

#[test]
fn a_genuine_delivery_is_ok_with_no_findings() {
    let h = sign(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let why = explain(Scheme::SalesOs, "whsec_k", &h, BODY);
    assert!(why.ok);
    assert_eq!(why.code, None);
    assert!(why.findings.is_empty());
    assert_eq!(
        why.to_json(),
        r#"{"ok":true,"code":null,"message":"verified with secret #0","findings":[]}"#
    );
}

#[test]
fn the_json_shape() {
    let h = sign(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let why = explain(Scheme::SalesOs, "k", &h, BODY);
    let v: serde_json::Value = serde_json::from_str(&why.to_json()).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["code"], "signature_mismatch");
    assert_eq!(v["message"], "no configured secret matches the signature");
    assert_eq!(v["findings"][0]["code"], "missing_whsec_prefix");
    assert!(v["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("secret #0"));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 4);
    assert!(why.to_json().starts_with(r#"{"ok":false,"code":"#));
}

#[test]
fn secret_whitespace_is_found_where_the_verifier_cannot_be_built() {
    let h = sign(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let opts = Options::default();
    let why = explain_secrets(Scheme::SalesOs, &["whsec_k\n"], &opts, &h, BODY, NOW);
    assert_eq!(why.code, Some(ErrorCode::InvalidSecret));
    assert_eq!(codes(&why), ["secret_whitespace"]);
    let m = &why.findings[0].message;
    assert!(m.contains("0 leading and 1 trailing"), "{m}");
    assert!(m.contains("trimmed, it verifies"), "{m}");
    assert_no_secret(&why, &["whsec_k"], &h);
}

#[test]
fn whitespace_and_a_missing_prefix_together() {
    let h = sign(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let why = explain_secrets(
        Scheme::SalesOs,
        &[" k "],
        &Options::default(),
        &h,
        BODY,
        NOW,
    );
    assert_eq!(codes(&why), ["secret_whitespace", "missing_whsec_prefix"]);
    assert!(why.findings[0].message.contains("still does not verify"));
}

#[test]
fn explain_secrets_without_whitespace_is_the_verifiers_explanation() {
    let h = sign(Scheme::SalesLab, "k", BODY, NOW);
    let opts = Options::default();
    let why = explain_secrets(Scheme::SalesLab, &["k"], &opts, &h, BODY, NOW);
    assert!(why.ok);
    let why = explain_secrets(Scheme::SalesLab, &[""], &opts, &h, BODY, NOW);
    assert_eq!(why.code, Some(ErrorCode::InvalidSecret));
    assert!(why.findings.is_empty());
}

#[test]
fn missing_whsec_prefix() {
    let h = sign(Scheme::Salesbooth, "whsec_k", BODY, NOW);
    let why = explain(Scheme::Salesbooth, "k", &h, BODY);
    assert_eq!(codes(&why), ["missing_whsec_prefix"]);
}

#[test]
fn extra_whsec_prefix() {
    let h = sign(Scheme::SalesLab, "sl_k", BODY, NOW);
    let why = explain(Scheme::SalesLab, "whsec_sl_k", &h, BODY);
    assert_eq!(codes(&why), ["extra_whsec_prefix"]);
    assert!(why.findings[0].message.contains("removed"));
}

#[test]
fn the_second_secret_of_a_rotation_is_named_by_index() {
    let h = sign(Scheme::SalesLab, "whsec_new", BODY, NOW);
    let v = Verifier::new(Scheme::SalesLab, &["old", "new"]).unwrap();
    let why = v.explain_at(&h, BODY, NOW);
    assert_eq!(codes(&why), ["missing_whsec_prefix"]);
    assert!(why.findings[0].message.starts_with("secret #1 "));
}

#[test]
fn a_token_with_whsec_dropped() {
    let opts = Options::default();
    let h = [("authorization".to_owned(), "Bearer whsec_tok".to_owned())];
    let v = Verifier::with_options(Scheme::Salescaling, &["tok"], &opts).unwrap();
    let why = v.explain_at(&h, BODY, NOW);
    assert_eq!(codes(&why), ["missing_whsec_prefix"]);
}

#[test]
fn secret_retired() {
    let h = sign(Scheme::SalesLab, "sl_old", BODY, NOW);
    let secrets = [
        Secret::new("sl_new"),
        Secret::new("sl_old").not_after(NOW - 2 * 86_400),
    ];
    let v = Verifier::with_secrets(Scheme::SalesLab, &secrets, &Options::default()).unwrap();
    let why = v.explain_at(&h, BODY, NOW);
    assert_eq!(why.code, Some(ErrorCode::SignatureMismatch));
    assert_eq!(codes(&why), ["secret_retired"]);
    let m = &why.findings[0].message;
    assert!(m.starts_with("secret #1 verifies"), "{m}");
    assert!(m.contains("retired 2 d ago"), "{m}");
    assert_no_secret(&why, &["sl_old", "sl_new"], &h);
}

#[test]
fn body_reserialized_in_another_layout() {
    let h = sign(Scheme::SalesOs, "whsec_k", BODY, NOW);
    // What Python's json.dumps(json.loads(body)) gives: same JSON, different bytes.
    let python = br#"{"id": "evt_1", "type": "deal.won", "created_at": "2026-03-15T14:30:00Z", "data": {"value": 82000}}"#;
    let why = explain(Scheme::SalesOs, "whsec_k", &h, python);
    assert_eq!(codes(&why), ["body_reserialized"]);
    assert!(why.findings[0].message.contains("compact"));
    // A provider that sends pretty JSON, verified after compacting it.
    let pretty = b"{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}";
    let h = sign(Scheme::SalesLab, "k", pretty, NOW);
    let why = explain(Scheme::SalesLab, "k", &h, br#"{"a":1,"b":[true]}"#);
    assert_eq!(codes(&why), ["body_reserialized"]);
    assert!(why.findings[0].message.contains("2-space"));
}

#[test]
fn body_reserialized_in_another_key_order() {
    // The sender signed sorted keys; the receiver's framework put them in another order.
    let sorted = br#"{"a":1,"b":{"c":2,"d":3}}"#;
    let h = sign(Scheme::SalesLab, "k", sorted, NOW);
    let why = explain(Scheme::SalesLab, "k", &h, br#"{"b":{"d":3,"c":2},"a":1}"#);
    assert_eq!(codes(&why), ["body_reserialized"]);
    assert!(why.findings[0].message.contains("keys sorted"));
}

#[test]
fn trailing_newline_lost() {
    // The sender's body ends with a newline; `curl -d @file` dropped it.
    let sent = [BODY, b"\n"].concat();
    let h = sign(Scheme::SalesLab, "k", &sent, NOW);
    let why = explain(Scheme::SalesLab, "k", &h, BODY);
    assert_eq!(codes(&why), ["trailing_newline_lost"]);
    assert!(why.findings[0].message.contains("curl -d"));
    let sent = [BODY, b"\r\n"].concat();
    let h = sign(Scheme::SalesLab, "k", &sent, NOW);
    let why = explain(Scheme::SalesLab, "k", &h, BODY);
    assert_eq!(codes(&why), ["trailing_newline_lost"]);
    assert!(why.findings[0].message.contains("\\r\\n"));
}

#[test]
fn trailing_newline_added() {
    let h = sign(Scheme::SalesLab, "k", BODY, NOW);
    let why = explain(Scheme::SalesLab, "k", &h, &[BODY, b"\n"].concat());
    assert_eq!(codes(&why), ["trailing_newline_added"]);
}

#[test]
fn a_prefix_and_a_body_mistake_together() {
    let sent = [BODY, b"\n"].concat();
    let h = sign(Scheme::SalesOs, "whsec_k", &sent, NOW);
    let why = explain(Scheme::SalesOs, "k", &h, BODY);
    assert_eq!(
        codes(&why),
        ["missing_whsec_prefix", "trailing_newline_lost"]
    );
}

#[test]
fn clock_skew_humanized() {
    let ts = NOW - (3 * 3600 + 12 * 60);
    let h = sign(Scheme::Salesbooth, "whsec_k", BODY, ts);
    let why = explain(Scheme::Salesbooth, "whsec_k", &h, BODY);
    assert_eq!(why.code, Some(ErrorCode::TimestampTooOld));
    assert_eq!(codes(&why), ["clock_skew"]);
    let m = &why.findings[0].message;
    assert!(m.contains("3 h 12 min behind this clock (11520 s"), "{m}");
    assert!(m.contains("tolerance is 5 min"), "{m}");
    assert!(m.contains("signature itself is valid"), "{m}");

    let h = sign(Scheme::Salesbooth, "whsec_k", BODY, NOW + 345);
    let why = explain(Scheme::Salesbooth, "whsec_k", &h, BODY);
    assert_eq!(why.code, Some(ErrorCode::TimestampTooNew));
    assert!(why.findings[0].message.contains("5 min 45 s ahead of"));
    let v = Verifier::with_options(
        Scheme::Salesbooth,
        &["whsec_k"],
        &Options::from_flat(&["tolerance", "10"]).unwrap(),
    )
    .unwrap();
    let h = sign(Scheme::Salesbooth, "whsec_k", BODY, NOW + 45);
    let why = v.explain_at(&h, BODY, NOW);
    assert!(why.findings[0].message.contains("45 s ahead of"));
}

#[test]
fn clock_skew_and_a_wrong_secret_say_both() {
    let h = sign(Scheme::Salesbooth, "whsec_k", BODY, NOW - 3600);
    let why = explain(Scheme::Salesbooth, "k", &h, BODY);
    assert_eq!(codes(&why), ["clock_skew", "missing_whsec_prefix"]);
    assert!(why.findings[0].message.contains("does not match either"));
    let why = explain(Scheme::Salesbooth, "sb_wrong_secret", &h, BODY);
    assert_eq!(codes(&why), ["clock_skew"]);
}

#[test]
fn wrong_scheme_from_the_headers() {
    let h = sign(Scheme::SalesOs, "whsec_k", BODY, NOW);
    let why = explain(Scheme::Salesbooth, "whsec_k", &h, BODY);
    assert_eq!(why.code, Some(ErrorCode::MissingSignature));
    assert_eq!(codes(&why), ["wrong_scheme"]);
    let m = &why.findings[0].message;
    assert!(m.contains("x-salesos-signature"), "{m}");
    assert!(m.contains("detect names salesos"), "{m}");
    assert!(m.contains("as salesos, the same secrets verify it"), "{m}");
}

#[test]
fn wrong_scheme_from_the_value_format() {
    let h = [
        ("x-salesbooth-timestamp".to_owned(), NOW.to_string()),
        (
            "x-salesbooth-signature".to_owned(),
            format!("t={NOW},v1={}", "ab".repeat(32)),
        ),
    ];
    let why = explain(Scheme::Salesbooth, "whsec_k", &h, BODY);
    assert_eq!(why.code, Some(ErrorCode::MalformedSignature));
    assert_eq!(codes(&why), ["wrong_scheme"]);
    assert!(why.findings[0]
        .message
        .contains("format of stripe (t=<ts>,v1=<hex>)"));
}

#[test]
fn truncated_signature() {
    let mut h = sign(Scheme::SalesLab, "k", BODY, NOW);
    h.last_mut().unwrap().1.truncate(7 + 54);
    let why = explain(Scheme::SalesLab, "k", &h, BODY);
    assert_eq!(codes(&why), ["truncated_signature"]);
    assert!(why.findings[0].message.contains("54 of 64 hex digits"));
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let mut h = sign(Scheme::StandardWebhooks, secret, BODY, NOW);
    let last = &mut h.last_mut().unwrap().1;
    last.truncate(last.len() - 4);
    let why = explain(Scheme::StandardWebhooks, secret, &h, BODY);
    assert_eq!(codes(&why), ["truncated_signature"]);
    assert!(why.findings[0]
        .message
        .contains("40 of 44 base64 characters"));
}

#[test]
fn no_signature_header() {
    let why = explain(Scheme::SalesLab, "k", &[], BODY);
    assert_eq!(codes(&why), ["no_signature_header"]);
    assert!(why.findings[0].message.contains("x-saleslab-signature"));
    let v = Verifier::new(Scheme::Salescaling, &["tok"]).unwrap();
    let why = v.explain_at(&[("x-token", "tok")], BODY, NOW);
    assert_eq!(codes(&why), ["no_signature_header"]);
    assert!(why.findings[0]
        .message
        .contains("token header is an option"));
}

#[test]
fn token_prefix() {
    let v = Verifier::new(Scheme::Salescaling, &["sc_tok"]).unwrap();
    let why = v.explain_at(&[("authorization", "sc_tok")], BODY, NOW);
    assert_eq!(why.code, Some(ErrorCode::MalformedSignature));
    assert_eq!(codes(&why), ["token_prefix"]);
    assert!(why.findings[0].message.contains("\"Bearer \""));
}

#[test]
fn no_known_mistake() {
    let h = sign(Scheme::SalesLab, "k", BODY, NOW);
    let why = explain(Scheme::SalesLab, "sl_wrong_secret", &h, BODY);
    assert_eq!(codes(&why), ["no_known_mistake"]);
}

#[test]
fn detect_explains_what_it_cannot_detect() {
    let why = explain_detect(&[("authorization", "Bearer sc_tok")]);
    assert!(!why.ok);
    assert_eq!(why.code, Some(ErrorCode::MissingSignature));
    assert_eq!(codes(&why), ["scheme_not_detected", "undetectable_scheme"]);
    assert!(why.findings[0].message.contains("x-saleslab-signature"));
    let m = &why.findings[1].message;
    assert!(
        m.starts_with("salescaling and custom cannot be detected"),
        "{m}"
    );
    assert!(m.contains("configurable"), "{m}");
    assert!(
        m.contains("may be") || m.contains("as Salescaling sends"),
        "{m}"
    );
    assert!(!explain_detect(&[("x", "y")]).findings[1]
        .message
        .contains("authorization: Bearer` header"));
    let found = explain_detect(&[("x-salesos-signature", "sha256=00")]);
    assert!(found.ok);
    assert!(found.message.contains("salesos"));
}

#[test]
fn every_finding_code_is_snake_case_and_documented() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/explain.md"))
        .unwrap_or_default();
    for code in FINDING_CODES {
        assert!(
            code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{code}"
        );
        if !doc.is_empty() {
            assert!(
                doc.contains(&format!("`{code}`")),
                "docs/explain.md lacks {code}"
            );
        }
    }
}
