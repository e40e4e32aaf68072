//! Guessing the scheme from the headers.

use crate::headers::{items, pairs};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::sync::OnceLock;

/// The headers `hookseal::detect` looks at, in the order it tries them.
///
/// The core does not export each scheme's signature header, so they are read from the
/// core itself: the first header name of each scheme's default verifier, kept only when
/// the core's `detect` recognises that scheme by it (salescaling and custom never are).
pub fn detect_headers() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        hookseal::Scheme::ALL
            .into_iter()
            .filter_map(|scheme| {
                // A 32-byte base64 secret suits every scheme's key rules.
                let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
                let v = hookseal::Verifier::new(scheme, &[secret]).ok()?;
                let name = v.header_names().first()?.clone();
                (hookseal::detect(&[(name.as_str(), "x")]) == Some(scheme)).then_some(name)
            })
            .collect()
    })
}

/// The scheme id whose signature header is present, given the values of
/// `DETECT_HEADERS` in order (`None` when absent).
#[pyfunction]
pub fn detect(values: &Bound<'_, PyTuple>) -> PyResult<Option<&'static str>> {
    let items = items(values);
    let pairs = pairs(detect_headers(), &items)?;
    Ok(hookseal::detect(&pairs).map(hookseal::Scheme::as_str))
}
