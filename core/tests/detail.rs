//! `Error::detail`: what the core found, as data, for every rejection that has any.

use hookseal::{Detail, Encoding, ErrorCode, Options, Scheme, Signer, Verifier};

fn reject(scheme: Scheme, headers: &[(&str, &str)], body: &[u8], now: i64) -> hookseal::Error {
    let secret = "whsec_c2VjcmV0";
    Verifier::new(scheme, &[secret])
        .unwrap()
        .verify_at(headers, body, now)
        .unwrap_err()
}

#[test]
fn a_large_body_gives_its_size_and_the_limit() {
    let opts = Options {
        max_body: Some(4),
        ..Options::default()
    };
    let v = Verifier::with_options(Scheme::SalesLab, &["s"], &opts).unwrap();
    let err = v
        .verify_at(&[("x-saleslab-signature", "x")], b"12345", 0)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::PayloadTooLarge);
    assert_eq!(err.detail(), &Detail::TooLarge { size: 5, limit: 4 });
}

#[test]
fn a_missing_or_empty_header_is_named() {
    let zeros = format!("v1={}", "0".repeat(64));
    let err = reject(Scheme::Salesbooth, &[], b"{}", 0);
    assert_eq!(
        err.detail(),
        &Detail::MissingHeader {
            header: "x-salesbooth-signature".into(),
            empty: false
        }
    );
    let err = reject(
        Scheme::Salesbooth,
        &[("x-salesbooth-signature", &zeros)],
        b"{}",
        0,
    );
    assert_eq!(err.code(), ErrorCode::MissingTimestamp);
    assert_eq!(
        err.detail(),
        &Detail::MissingHeader {
            header: "x-salesbooth-timestamp".into(),
            empty: false
        }
    );
    let sig = ("x-salesbooth-signature", zeros.as_str());
    let err = reject(
        Scheme::Salesbooth,
        &[sig, ("x-salesbooth-timestamp", "")],
        b"{}",
        0,
    );
    assert_eq!(
        err.detail(),
        &Detail::MissingHeader {
            header: "x-salesbooth-timestamp".into(),
            empty: true
        }
    );
    // Stripe's timestamp is an item of its signature header: no header to name.
    let err = reject(Scheme::Stripe, &[("stripe-signature", &zeros)], b"{}", 0);
    assert_eq!(err.code(), ErrorCode::MissingTimestamp);
    assert_eq!(err.detail(), &Detail::None);
}

#[test]
fn a_short_digest_says_how_long_a_whole_one_is() {
    let err = reject(
        Scheme::SalesLab,
        &[("x-saleslab-signature", "sha256=abcd")],
        b"{}",
        0,
    );
    assert_eq!(
        err.detail(),
        &Detail::Digest {
            encoding: Encoding::Hex,
            expected: 64,
            received: 4,
            in_alphabet: true
        }
    );
    let err = reject(
        Scheme::StandardWebhooks,
        &[
            ("webhook-id", "msg_1"),
            ("webhook-timestamp", "0"),
            ("webhook-signature", "v1,not-base64!"),
        ],
        b"{}",
        0,
    );
    assert_eq!(
        err.detail(),
        &Detail::Digest {
            encoding: Encoding::Base64,
            expected: 44,
            received: 11,
            in_alphabet: false
        }
    );
}

#[test]
fn a_value_in_another_layout_names_the_expected_format() {
    let err = reject(
        Scheme::SalesLab,
        &[("x-saleslab-signature", "v1=abcd")],
        b"{}",
        0,
    );
    assert_eq!(err.code(), ErrorCode::MalformedSignature);
    assert_eq!(err.detail(), &Detail::Format);
    let err = reject(Scheme::Stripe, &[("stripe-signature", "garbage")], b"{}", 0);
    assert_eq!(err.detail(), &Detail::Format);
}

#[test]
fn a_stale_or_future_timestamp_gives_the_skew() {
    let headers = Signer::new(Scheme::Salesbooth, "whsec_c2VjcmV0")
        .unwrap()
        .sign(b"{}", Some(1_700_000_000))
        .unwrap();
    let v = Verifier::new(Scheme::Salesbooth, &["whsec_c2VjcmV0"]).unwrap();
    let old = v.verify_at(&headers, b"{}", 1_700_000_400).unwrap_err();
    assert_eq!(old.code(), ErrorCode::TimestampTooOld);
    assert_eq!(
        old.detail(),
        &Detail::Skew {
            timestamp: 1_700_000_000,
            now: 1_700_000_400,
            tolerance: 300
        }
    );
    let new = v.verify_at(&headers, b"{}", 1_699_999_000).unwrap_err();
    assert_eq!(new.code(), ErrorCode::TimestampTooNew);
    assert!(matches!(
        new.detail(),
        Detail::Skew {
            now: 1_699_999_000,
            ..
        }
    ));
}

#[test]
fn every_scheme_describes_its_format() {
    for (scheme, secret, opts, format) in [
        (Scheme::SalesLab, "s", Options::default(), "sha256=<hex>"),
        (Scheme::Salesbooth, "s", Options::default(), "v1=<hex>"),
        (
            Scheme::StandardWebhooks,
            "whsec_c2VjcmV0",
            Options::default(),
            "v1,<base64>",
        ),
        (Scheme::Stripe, "s", Options::default(), "t=<ts>,v1=<hex>"),
        (
            Scheme::Salescaling,
            "s",
            Options {
                header: Some("x-token".into()),
                prefix: Some("Bearer ".into()),
                ..Options::default()
            },
            "Bearer <token>",
        ),
    ] {
        let v = Verifier::with_options(scheme, &[secret], &opts).unwrap();
        assert_eq!(v.signature_format(), format, "{scheme}");
    }
}
