//! Guessing the scheme from the headers.

use crate::headers::{pairs, Header};

/// The headers `detect` looks at, in the order it tries them: each scheme's signature
/// header from the core's table, so the JVM side passes only those.
#[uniffi::export]
pub fn detect_headers() -> Vec<String> {
    hookseal::Scheme::ALL
        .iter()
        .filter_map(|s| s.signature_header().map(str::to_owned))
        .collect()
}

/// The scheme id whose signature header is present, if any.
#[uniffi::export]
pub fn detect(headers: Vec<Header>) -> Option<String> {
    hookseal::detect(&pairs(&headers)).map(|s| s.as_str().to_owned())
}
