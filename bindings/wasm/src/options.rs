//! Options as the JS layer hands them over (`EngineOptions` in `npm/src/engine.d.ts`):
//! the core's option names and their values as text, alternating. The core parses them
//! (`Options::set`), so an unknown option or a bad value is the same `invalid_option`
//! in every runtime; the names are mapped from JS once, in `npm/src/options.js`.

use crate::error::to_js;
use hookseal::Options;
use wasm_bindgen::prelude::*;

/// The core's `Options` for `pairs` (`[name, value, name, value, ...]`; absent = defaults).
pub(crate) fn from_js(pairs: Option<Vec<String>>) -> Result<Options, JsValue> {
    Options::from_flat(&pairs.unwrap_or_default()).map_err(to_js)
}

/// `hookseal::MAX_HEADER_NAMES`: the most header names a verifier reads.
///
/// ```js
/// maxHeaderNames(); // 3
/// ```
#[wasm_bindgen(js_name = maxHeaderNames)]
pub fn max_header_names() -> u32 {
    hookseal::MAX_HEADER_NAMES as u32
}
