//! Property tests: whatever the body, sign → verify round-trips for every scheme, and
//! changing any one byte of the body, the signature or the timestamp is rejected.

use hookseal::{Content, Encoding, ErrorCode, Options, Scheme, Signer, Verifier};
use proptest::prelude::*;

const NOW: i64 = 1_700_000_000;

/// Every scheme, with the options that make it sign something (custom in each shape).
fn setups() -> Vec<(Scheme, Options, &'static str)> {
    let custom = |content, encoding, ts: Option<&str>, id: Option<&str>| Options {
        header: Some("x-sig".into()),
        prefix: Some("s=".into()),
        content: Some(content),
        encoding: Some(encoding),
        timestamp_header: ts.map(Into::into),
        id_header: id.map(Into::into),
        ..Options::default()
    };
    vec![
        (Scheme::SalesLab, Options::default(), "sl_secret"),
        (Scheme::SalesOs, Options::default(), "whsec_salesos"),
        (Scheme::Salesbooth, Options::default(), "whsec_booth"),
        (Scheme::Salescaling, Options::default(), "tok_abc"),
        (
            Scheme::StandardWebhooks,
            Options::default(),
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ),
        (Scheme::Stripe, Options::default(), "whsec_stripe"),
        (Scheme::Github, Options::default(), "gh_secret"),
        (
            Scheme::Custom,
            custom(Content::Body, Encoding::Hex, None, None),
            "c1",
        ),
        (
            Scheme::Custom,
            custom(Content::TsBody, Encoding::Base64, Some("x-ts"), None),
            "c2",
        ),
        (
            Scheme::Custom,
            custom(Content::IdTsBody, Encoding::Hex, Some("x-ts"), Some("x-id")),
            "c3",
        ),
    ]
}

fn signed(i: usize, body: &[u8]) -> (Verifier, Vec<(String, String)>) {
    let (scheme, opts, secret) = &setups()[i];
    let headers = Signer::with_options(*scheme, secret, opts)
        .unwrap()
        .sign(body, Some(NOW))
        .unwrap();
    let verifier = Verifier::with_options(*scheme, &["b3RoZXI=", secret], opts).unwrap();
    (verifier, headers)
}

fn flip(s: &str, at: usize) -> String {
    let mut bytes = s.as_bytes().to_vec();
    let i = at % bytes.len();
    // Stay within visible ASCII so the value is still a header value.
    bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
    String::from_utf8(bytes).unwrap()
}

proptest! {
    #[test]
    fn sign_then_verify(i in 0..10usize, body in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (verifier, headers) = signed(i, &body);
        let verified = verifier.verify_at(&headers, &body, NOW).unwrap();
        prop_assert_eq!(verified.secret_index, 1);
        prop_assert_eq!(verified.body, &body[..]);
    }

    #[test]
    fn a_changed_body_byte_is_rejected(i in 0..10usize, body in proptest::collection::vec(any::<u8>(), 1..512), at: usize, x in 1..=255u8) {
        let (verifier, headers) = signed(i, &body);
        let mut tampered = body.clone();
        let at = at % tampered.len();
        tampered[at] ^= x;
        let result = verifier.verify_at(&headers, &tampered, NOW);
        // A token scheme does not sign the body: for it, any body is the sender's.
        if setups()[i].0 == Scheme::Salescaling {
            prop_assert!(result.is_ok());
        } else {
            prop_assert_eq!(result.unwrap_err().code(), ErrorCode::SignatureMismatch);
        }
    }

    #[test]
    fn a_changed_header_byte_is_rejected(i in 0..10usize, body in proptest::collection::vec(any::<u8>(), 0..256), which: usize, at: usize) {
        let (verifier, mut headers) = signed(i, &body);
        let h = which % headers.len();
        let value = headers[h].1.clone();
        // Skip the fixed parts (prefixes, `t=`, `v1,`): change a byte of the digits.
        let digits: Vec<usize> = value.char_indices().filter(|(_, c)| c.is_ascii_alphanumeric()).map(|(i, _)| i).collect();
        let pos = digits[at % digits.len()];
        headers[h].1 = flip(&value, pos);
        prop_assume!(headers[h].1 != value);
        prop_assert!(verifier.verify_at(&headers, &body, NOW).is_err());
    }
}
