//! Adding a scheme is one row of the scheme table, its vectors and its docs row. The
//! `example-scheme` feature adds exactly that — in `core/src/scheme.rs` the `Example`
//! variant and its `SCHEMES` row; in `core/vectors/` the reference's row and
//! `cases/example.py` (whose file `tests/vectors.rs` then runs) — and nothing else in the
//! core changes: this test shows that verification, signing, `detect`, the envelope, the
//! options and the exported table all follow from the row.
//!
//!     cargo test -p hookseal --features example-scheme
#![cfg(feature = "example-scheme")]

use hookseal::{
    detect, schemes_json, ErrorCode, Options, Scheme, Signer, Tolerance, Verifier, SCHEMES,
};

const NOW: i64 = 1_700_000_000;

fn signed(body: &[u8]) -> Vec<(String, String)> {
    Signer::new(Scheme::Example, "ex_secret")
        .unwrap()
        .sign(body, Some(NOW))
        .unwrap()
}

#[test]
fn the_id_names_the_scheme() {
    assert_eq!("example".parse::<Scheme>().unwrap(), Scheme::Example);
    assert_eq!(Scheme::ALL.last(), Some(&Scheme::Example));
    assert!(Scheme::Example.is_timestamped());
}

#[test]
fn the_signer_writes_what_the_verifier_reads() {
    let body = br#"{"id":"evt_ex_1","type":"order.paid","account_id":"acct_7"}"#;
    let headers = signed(body);
    let names: Vec<&str> = headers.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["x-example-timestamp", "x-example-signature"]);

    let v = Verifier::new(Scheme::Example, &["ex_old", "ex_secret"]).unwrap();
    assert_eq!(
        v.header_names(),
        ["x-example-signature", "x-example-timestamp"]
    );
    assert_eq!(v.signature_format(), "v1=<hex>");
    let verified = v.verify_at(&headers, body, NOW + 10).unwrap();
    assert_eq!(verified.secret_index, 1);
    assert_eq!(verified.timestamp, Some(NOW as u64));
    let env = verified.envelope();
    assert_eq!(env.kind.as_deref(), Some("order.paid"));
    assert_eq!(env.event_id.as_deref(), Some("evt_ex_1"));
    assert_eq!(env.tenant.as_deref(), Some("acct_7"));

    let stale = v.verify_at(&headers, body, NOW + 301).unwrap_err();
    assert_eq!(stale.code(), ErrorCode::TimestampTooOld);
    let tampered = v.verify_at(&headers, b"{}", NOW).unwrap_err();
    assert_eq!(tampered.code(), ErrorCode::SignatureMismatch);
}

#[test]
fn detect_finds_it_by_its_signature_header() {
    assert_eq!(detect(&signed(b"{}")), Some(Scheme::Example));
}

#[test]
fn it_takes_the_options_its_row_lists() {
    let mut opts = Options::default();
    opts.set("tolerance", "600").unwrap();
    let v = Verifier::with_options(Scheme::Example, &["s"], &opts).unwrap();
    assert_eq!(v.tolerance(), Tolerance::Seconds(600));
    let mut opts = Options::default();
    opts.set("header", "x-other").unwrap();
    let err = Verifier::with_options(Scheme::Example, &["s"], &opts).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidOption);
}

#[test]
fn the_exported_table_has_its_row() {
    let rows: serde_json::Value = serde_json::from_str(&schemes_json()).unwrap();
    let row = &rows[SCHEMES.len() - 1];
    assert_eq!(row["id"], "example");
    assert_eq!(row["signature_header"], "x-example-signature");
    assert_eq!(row["timestamp_header"], "x-example-timestamp");
    assert_eq!(row["layout"]["prefix"], "v1=");
    assert_eq!(row["options"], serde_json::json!(["tolerance"]));
}
