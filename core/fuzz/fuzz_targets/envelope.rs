//! Envelope extraction over arbitrary bodies (JSON or not, nested, truncated) and
//! header values, for every scheme.
#![no_main]

use hookseal::{Scheme, Verifier};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, Vec<u8>, Vec<u8>, Vec<u8>)| {
    let (scheme, body, kind, id) = input;
    let scheme = Scheme::ALL[usize::from(scheme) % Scheme::ALL.len()];
    if let Ok(verifier) = Verifier::new(scheme, &["c2VjcmV0"]) {
        let names = verifier.header_names();
        let headers: Vec<(&str, &[u8])> = names.iter().map(|n| n.as_str()).zip([&kind[..], &id[..], &kind[..], &id[..], &kind[..]]).collect();
        let env = verifier.envelope(&headers, &body);
        assert!(!env.idempotency_key.is_empty());
    }
});
