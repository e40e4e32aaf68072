//! Options as the JS layer hands them over (`EngineOptions` in `npm/src/engine.d.ts`):
//! the core's option names and their values as text, alternating. The core parses them
//! (`Options::set`), so an unknown option or a bad value is the same `invalid_option`
//! in every runtime; the names are mapped from JS once, in `npm/src/options.js`.

use crate::error::{to_js, Result};
use hookseal::Options;
use napi_derive::napi;

/// The core options for `pairs` (`[name, value, name, value, ...]`; absent = defaults).
pub fn to_core(pairs: Option<Vec<String>>) -> Result<Options> {
    Options::from_flat(&pairs.unwrap_or_default()).map_err(to_js)
}

/// `hookseal::MAX_HEADER_NAMES`: the most header values a raw call takes (`bound.rs`),
/// which `npm/binding.cjs` reads to pass that many.
#[napi]
pub const MAX_HEADER_NAMES: u32 = hookseal::MAX_HEADER_NAMES as u32;
