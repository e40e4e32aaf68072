//! The options object (`EngineOptions` in `npm/src/engine.d.ts`) into core `Options`.
//! Values are checked by the core, so every runtime rejects the same options.

use crate::error::{to_js, Result};
use hookseal::{max_body_from_number, Options, Tolerance};
use napi::bindgen_prelude::Either;
use napi_derive::napi;

/// Options as the JS layer passes them (camelCase names of SPEC §4).
#[napi(object)]
#[derive(Default)]
pub struct JsOptions {
    pub tolerance_seconds: Option<Either<f64, String>>,
    pub max_body: Option<f64>,
    pub header: Option<String>,
    pub prefix: Option<String>,
    pub encoding: Option<String>,
    pub content: Option<String>,
    pub timestamp_header: Option<String>,
    pub id_header: Option<String>,
}

/// The core options for `opts` (absent = the scheme's default).
pub fn to_core(opts: Option<JsOptions>) -> Result<Options> {
    let o = opts.unwrap_or_default();
    let tolerance = match o.tolerance_seconds {
        None => None,
        Some(Either::A(n)) => Some(Tolerance::from_number(n).map_err(to_js)?),
        Some(Either::B(s)) => Some(s.parse::<Tolerance>().map_err(to_js)?),
    };
    let max_body = o
        .max_body
        .map(max_body_from_number)
        .transpose()
        .map_err(to_js)?;
    Ok(Options {
        tolerance,
        max_body,
        header: o.header,
        prefix: o.prefix,
        encoding: o.encoding.map(|s| s.parse()).transpose().map_err(to_js)?,
        content: o.content.map(|s| s.parse()).transpose().map_err(to_js)?,
        timestamp_header: o.timestamp_header,
        id_header: o.id_header,
    })
}
