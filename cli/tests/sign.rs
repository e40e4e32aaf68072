//! `hookseal sign` prints what the core's signer makes.

mod common;
use common::*;
use hookseal::{Scheme, Signer};

#[test]
fn prints_the_headers_of_the_core_signer() {
    let dir = scratch("sign");
    let body = br#"{"event":"deal.created","tenant_id":"t_1"}"#;
    let file = write(&dir, "body.json", body);
    let o = hookseal(&[
        "sign",
        "--scheme",
        "salesbooth",
        "--secret",
        "whsec_test",
        "--timestamp",
        "1700000000",
        &file,
    ]);
    assert!(o.status.success());
    let expected = Signer::new(Scheme::Salesbooth, "whsec_test")
        .unwrap()
        .sign(body, Some(1_700_000_000))
        .unwrap();
    let lines: Vec<String> = expected.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    assert_eq!(stdout(&o), lines.join("\n") + "\n");
}

#[test]
fn json_and_curl() {
    let dir = scratch("sign-curl");
    let file = write(&dir, "body.json", b"{}");
    let o = hookseal(&[
        "sign", "--scheme", "saleslab", "--secret", "s", "--json", &file,
    ]);
    let v = json(&o);
    assert!(v["headers"]["x-saleslab-signature"]
        .as_str()
        .unwrap()
        .starts_with("sha256="));
    let o = hookseal(&[
        "sign",
        "--scheme",
        "saleslab",
        "--secret",
        "s",
        "--curl",
        "http://localhost:3000/hook",
        &file,
    ]);
    let cmd = stdout(&o);
    assert!(
        cmd.starts_with("curl -sS -X POST 'http://localhost:3000/hook'"),
        "{cmd}"
    );
    assert!(cmd.contains("-H 'x-saleslab-signature: sha256="), "{cmd}");
    assert!(cmd.contains("--data-binary @"), "{cmd}");
}

#[test]
fn a_bad_scheme_is_a_usage_error() {
    let dir = scratch("sign-bad");
    let file = write(&dir, "body.json", b"{}");
    let o = hookseal(&["sign", "--scheme", "nope", "--secret", "s", &file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown_scheme"));
}
