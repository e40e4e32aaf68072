//! `hookseal send` against `hookseal listen --providers`: every provider, every case.

mod common;
use common::*;
use serde_json::Value;

fn send(listener: &Listener, provider: &str, extra: &[&str]) -> Value {
    let secret = SECRETS.iter().find(|(p, _)| *p == provider).unwrap().1;
    let url = format!("{}/{provider}", listener.base);
    let mut args = vec![
        "send",
        "--json",
        "--provider",
        provider,
        "--url",
        &url,
        "--secret",
        secret,
        "--time-scale",
        "0",
    ];
    args.extend_from_slice(extra);
    json(&hookseal(&args))
}

fn first_status(v: &Value) -> u64 {
    v["deliveries"][0]["attempts"][0]["status"]
        .as_u64()
        .unwrap()
}

#[test]
fn every_provider_and_case_gets_the_spec_status() {
    let listener = providers_listener();
    for (provider, _) in SECRETS {
        let genuine = send(&listener, provider, &[]);
        assert_eq!(first_status(&genuine), 200, "{provider}: {genuine}");
        assert_eq!(genuine["deliveries"][0]["outcome"], "delivered");

        let replayed = send(&listener, provider, &["--replay"]);
        let again = &replayed["deliveries"][1];
        assert_eq!(again["replay"], true);
        assert_eq!(
            again["attempts"][0]["status"], 200,
            "{provider}: {replayed}"
        );
        assert_eq!(
            again["attempts"][0]["duplicate"], true,
            "{provider}: {replayed}"
        );
        assert_eq!(replayed["deliveries"][0]["attempts"][0]["duplicate"], false);

        let tampered = send(&listener, provider, &["--tamper"]);
        assert_eq!(first_status(&tampered), 401, "{provider}: {tampered}");

        let oversize = send(&listener, provider, &["--oversize"]);
        assert_eq!(first_status(&oversize), 413, "{provider}");
        assert!(oversize["bytes"].as_u64().unwrap() > 1_048_576);
    }
    // Only Salesbooth signs a timestamp: a stale delivery is refused there.
    let stale = send(&listener, "salesbooth", &["--stale", "900"]);
    assert_eq!(first_status(&stale), 400);
    assert!(stale["deliveries"][0]["attempts"][0]["response"]
        .as_str()
        .unwrap()
        .contains("timestamp_too_old"));
}

#[test]
fn every_catalog_event_verifies() {
    let listener = providers_listener();
    for (provider, _) in SECRETS {
        let list = json(&hookseal(&[
            "send",
            "--json",
            "--provider",
            provider,
            "--list-events",
        ]));
        let kinds = list["events"].as_array().unwrap();
        assert!(!kinds.is_empty());
        for kind in kinds {
            let v = send(&listener, provider, &["--event", kind.as_str().unwrap()]);
            assert_eq!(first_status(&v), 200, "{provider} {kind}: {v}");
        }
    }
}

#[test]
fn saleslab_sends_its_documented_headers_and_13_kinds() {
    let list = json(&hookseal(&[
        "send",
        "--json",
        "--provider",
        "saleslab",
        "--list-events",
    ]));
    assert_eq!(list["events"].as_array().unwrap().len(), 13);
    let o = hookseal(&[
        "send",
        "--provider",
        "saleslab",
        "--event",
        "nope",
        "--url",
        "http://127.0.0.1:9/",
        "--secret",
        "s",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn listen_with_one_scheme_and_unknown_paths() {
    let listener = Listener::start(&["--scheme", "saleslab", "--secret", "sl_test_secret"]);
    let v = send(&listener, "saleslab", &[]);
    assert_eq!(first_status(&v), 200);
    let multi = providers_listener();
    let url = format!("{}/elsewhere", multi.base);
    let v = json(&hookseal(&[
        "send",
        "--json",
        "--provider",
        "saleslab",
        "--url",
        &url,
        "--secret",
        "x",
        "--time-scale",
        "0",
    ]));
    assert_eq!(first_status(&v), 404);
}
