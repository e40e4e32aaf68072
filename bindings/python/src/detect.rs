//! Guessing the scheme from the headers.

use crate::headers::{items, pairs};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use std::sync::OnceLock;

/// The headers `hookseal::detect` looks at, in the order it tries them: each scheme's
/// signature header from the core's scheme table (salescaling and custom have none).
pub fn detect_headers() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        hookseal::Scheme::ALL
            .into_iter()
            .filter_map(|s| s.signature_header().map(str::to_owned))
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
