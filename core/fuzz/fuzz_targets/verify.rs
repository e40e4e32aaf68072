//! `verify` with arbitrary headers, body, secrets and options. Construction may fail with
//! a typed error; verification may fail with a typed error; nothing panics.
#![no_main]

use hookseal::{Content, Encoding, Options, Scheme, Tolerance, Verifier};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, arbitrary::Arbitrary)]
struct Input {
    scheme: u8,
    secrets: Vec<Vec<u8>>,
    tolerance: Option<Option<u64>>,
    max_body: Option<usize>,
    header: Option<String>,
    prefix: Option<String>,
    encoding: Option<bool>,
    content: Option<u8>,
    timestamp_header: Option<String>,
    id_header: Option<String>,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    now: i64,
}

fuzz_target!(|input: Input| {
    let scheme = Scheme::ALL[usize::from(input.scheme) % Scheme::ALL.len()];
    let opts = Options {
        tolerance: input.tolerance.map(|t| t.map_or(Tolerance::Off, Tolerance::Seconds)),
        max_body: input.max_body,
        header: input.header,
        prefix: input.prefix,
        encoding: input.encoding.map(|b| if b { Encoding::Hex } else { Encoding::Base64 }),
        content: input.content.map(|c| [Content::Body, Content::TsBody, Content::IdTsBody][usize::from(c) % 3]),
        timestamp_header: input.timestamp_header,
        id_header: input.id_header,
    };
    if let Ok(verifier) = Verifier::with_options(scheme, &input.secrets, &opts) {
        if let Ok(verified) = verifier.verify_at(&input.headers, &input.body, input.now) {
            let _ = verified.envelope();
        }
        let _ = verifier.envelope(&input.headers, &input.body);
    }
});
