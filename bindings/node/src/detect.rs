//! `detect`: the scheme whose signature header is present, from `[name, value]` pairs.

use crate::error::{guard, Result};
use napi_derive::napi;

/// The scheme id, or `null`. Pairs that are not `[name, value]` are ignored.
#[napi]
pub fn detect(pairs: Vec<Vec<String>>) -> Result<Option<&'static str>> {
    guard(|| {
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .filter_map(|p| match p.as_slice() {
                [name, value, ..] => Some((name.as_str(), value.as_str())),
                _ => None,
            })
            .collect();
        Ok(hookseal::detect(&pairs).map(|s| s.as_str()))
    })
}
