//! Every generated sample of every provider round-trips sign → verify → parse: the kind
//! the core reports is typed, and the typed event is the sample's JSON again.

use hookseal::{ErrorCode, Scheme, Signer, Verifier};
use hookseal_events::{event, parse, salesbooth, salescaling, saleslab, salesos, Event};
use serde_json::{json, Value};

const NOW: i64 = 1_700_000_000;

/// A provider's samples: (kind, body).
type Samples = &'static [(&'static str, &'static str)];

fn providers() -> [(Scheme, Samples, &'static str); 4] {
    [
        (Scheme::SalesLab, saleslab::SAMPLES, "sl_secret"),
        (Scheme::SalesOs, salesos::SAMPLES, "whsec_salesos"),
        (Scheme::Salesbooth, salesbooth::SAMPLES, "whsec_booth"),
        (Scheme::Salescaling, salescaling::SAMPLES, "tok_abc"),
    ]
}

#[test]
fn every_sample_round_trips_through_sign_verify_parse() {
    let mut seen = 0;
    for (scheme, samples, secret) in providers() {
        let signer = Signer::new(scheme, secret).unwrap();
        let verifier = Verifier::new(scheme, &[secret]).unwrap();
        for (kind, body) in samples {
            let headers = signer.sign(body.as_bytes(), Some(NOW)).unwrap();
            let verified = verifier.verify_at(&headers, body.as_bytes(), NOW).unwrap();
            assert_eq!(
                verified.envelope().kind.as_deref(),
                Some(*kind),
                "{scheme:?}"
            );
            let event = event(&verified).unwrap();
            assert!(
                !matches!(
                    event,
                    Event::SalesLab(saleslab::Event::Other { .. })
                        | Event::SalesOs(salesos::Event::Other { .. })
                        | Event::Salesbooth(salesbooth::Event::Other { .. })
                        | Event::Salescaling(salescaling::Event::Other { .. })
                        | Event::Other { .. }
                ),
                "{scheme:?} {kind} was not typed"
            );
            assert_eq!(event.kind(), Some(*kind));
            let sent: Value = serde_json::from_str(body).unwrap();
            assert_eq!(event.to_value(), sent, "{scheme:?} {kind}");
            seen += 1;
        }
    }
    assert_eq!(seen, 13 + 18 + 148 + 3);
}

#[test]
fn the_kinds_are_the_samples() {
    fn kinds(s: &[(&'static str, &str)]) -> Vec<&'static str> {
        s.iter().map(|(k, _)| *k).collect()
    }
    assert_eq!(kinds(saleslab::SAMPLES), saleslab::KINDS);
    assert_eq!(kinds(salesos::SAMPLES), salesos::KINDS);
    assert_eq!(kinds(salesbooth::SAMPLES), salesbooth::KINDS);
    assert_eq!(kinds(salescaling::SAMPLES), salescaling::KINDS);
}

#[test]
fn an_unlisted_kind_is_the_generic_form() {
    let body = br#"{"id":"evt_1","type":"deal.archived","created_at":"x","data":{"a":1}}"#;
    let e = parse(Scheme::SalesOs, Some("deal.archived"), body).unwrap();
    assert_eq!(
        e,
        Event::SalesOs(salesos::Event::Other {
            kind: Some("deal.archived".into()),
            payload: serde_json::from_slice(body).unwrap(),
        })
    );
    let e = parse(Scheme::Stripe, Some("charge.succeeded"), b"{}").unwrap();
    assert_eq!(e.kind(), Some("charge.succeeded"));
    assert_eq!(parse(Scheme::SalesOs, None, b"[1]").unwrap().kind(), None);
}

#[test]
fn extra_fields_never_fail_and_are_kept() {
    let body = json!({
        "id": "evt_1", "type": "deal.won", "created_at": "2026-03-15T14:30:00Z",
        "data": {"value": 82000.5, "currency": "USD"}, "livemode": true,
    });
    let bytes = serde_json::to_vec(&body).unwrap();
    let Event::SalesOs(salesos::Event::DealWon(won)) =
        parse(Scheme::SalesOs, Some("deal.won"), &bytes).unwrap()
    else {
        panic!("not typed");
    };
    assert_eq!(won.data.value, Some(82000.5));
    assert_eq!(won.data.extra["currency"], "USD");
    assert_eq!(won.extra["livemode"], true);
    assert_eq!(serde_json::to_value(&won).unwrap(), body);
}

#[test]
fn a_payload_that_breaks_its_types_is_invalid_payload_naming_the_path_not_the_value() {
    let body =
        br#"{"id":"evt_1","type":"deal.won","created_at":"t","data":{"value":"secret-ish"}}"#;
    let err = parse(Scheme::SalesOs, Some("deal.won"), body).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidPayload);
    assert_eq!(err.http_status(), 400);
    assert_eq!(
        err.message(),
        "the deal.won payload does not match its schema: $.data.value must be a number, not a string"
    );
    assert!(!err.to_string().contains("secret-ish"), "{err}");

    let body = br#"{"event_kind":"badge.awarded","company_id":"c","user_id":"u","awarded_at":"t"}"#;
    let err = parse(Scheme::SalesLab, Some("badge.awarded"), body).unwrap_err();
    assert_eq!(
        err.message(),
        "the badge.awarded payload does not match its schema: $.badge_slug is missing"
    );

    let streak = br#"{"event_kind":"coaching.streak_broken","company_id":"c","user_id":"u","broke_at_value":1.5,"broken_at":"t"}"#;
    let err = parse(Scheme::SalesLab, Some("coaching.streak_broken"), streak).unwrap_err();
    assert!(
        err.message()
            .ends_with(": $.broke_at_value must be an integer, not a number"),
        "{err}"
    );

    let (_, wage_index) = saleslab::SAMPLES
        .iter()
        .find(|(kind, _)| *kind == "wage_index.published")
        .unwrap();
    let mut sample: Value = serde_json::from_str(wage_index).unwrap();
    sample["bands"] = json!([{}, 7]);
    let bytes = serde_json::to_vec(&sample).unwrap();
    let err = parse(Scheme::SalesLab, Some("wage_index.published"), &bytes).unwrap_err();
    assert!(
        err.message()
            .ends_with(": $.bands[1] must be an object, not an integer"),
        "{err}"
    );
}

#[test]
fn a_body_that_is_not_json_is_invalid_payload() {
    for kind in [Some("deal.won"), Some("deal.archived"), None] {
        let err = parse(Scheme::SalesOs, kind, b"{\"id\":").unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidPayload);
        assert_eq!(err.message(), "the body ($) is not JSON");
    }
}
