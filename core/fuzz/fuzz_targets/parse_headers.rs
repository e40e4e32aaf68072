//! Header parsing for every scheme: arbitrary signature, timestamp and id header values
//! against a fixed body. Whatever the bytes, the answer is Ok or a typed error.
#![no_main]

use hookseal::{Content, Options, Scheme, Verifier};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input<'a> {
    scheme: u8,
    signature: &'a [u8],
    timestamp: Option<&'a [u8]>,
    id: Option<&'a [u8]>,
    now: i64,
}

fuzz_target!(|input: Input<'_>| {
    let scheme = Scheme::ALL[usize::from(input.scheme) % Scheme::ALL.len()];
    let opts = match scheme {
        Scheme::Custom => Options {
            header: Some("x-sig".into()),
            content: Some(Content::IdTsBody),
            timestamp_header: Some("x-ts".into()),
            id_header: Some("x-id".into()),
            ..Options::default()
        },
        _ => Options::default(),
    };
    let verifier = Verifier::with_options(scheme, &["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], &opts).unwrap();
    let names = verifier.header_names().to_vec();
    let mut headers: Vec<(&str, &[u8])> = vec![(names[0].as_str(), input.signature)];
    for (name, value) in names[1..].iter().zip([input.timestamp, input.id]) {
        if let Some(v) = value {
            headers.push((name.as_str(), v));
        }
    }
    let _ = verifier.verify_at(&headers, b"{\"type\":\"x\"}", input.now);
});
