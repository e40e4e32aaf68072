//! Scheme options from the JS layer's object (`EngineOptions` in `npm/src/engine.d.ts`):
//! `toleranceSeconds`, `maxBody`, `header`, `prefix`, `encoding`, `content`,
//! `timestampHeader`, `idHeader`; an absent field is the scheme's default.

use crate::error::to_js;
use hookseal::{max_body_from_number, Error, ErrorCode, Options, Tolerance};
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// The core's `Options` from `options` (`undefined`/`null` for none).
pub(crate) fn from_js(options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let get = |name: &str| -> Option<JsValue> {
        let v = Reflect::get(options, &JsValue::from_str(name)).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(v)
    };
    let string = |name: &str| -> Result<Option<String>, JsValue> {
        get(name)
            .map(|v| {
                v.as_string()
                    .ok_or_else(|| invalid(format!("{name} must be a string")))
            })
            .transpose()
    };
    let tolerance = get("toleranceSeconds").map(|v| tolerance(&v)).transpose();
    let max_body = get("maxBody")
        .map(|v| match v.as_f64() {
            Some(n) => max_body_from_number(n).map_err(to_js),
            None => Err(invalid("maxBody must be a number of bytes".into())),
        })
        .transpose()?;
    Ok(Options {
        tolerance: tolerance.map_err(to_js)?,
        max_body,
        header: string("header")?,
        prefix: string("prefix")?,
        encoding: parsed(string("encoding")?)?,
        content: parsed(string("content")?)?,
        timestamp_header: string("timestampHeader")?,
        id_header: string("idHeader")?,
    })
}

/// A whole number of seconds, or `"off"` to turn the check off explicitly.
fn tolerance(v: &JsValue) -> Result<Tolerance, Error> {
    match (v.as_f64(), v.as_string()) {
        (Some(n), _) => Tolerance::from_number(n),
        (_, Some(s)) if s == "off" => Ok(Tolerance::Off),
        _ => Err(Error::new(
            ErrorCode::InvalidOption,
            "toleranceSeconds must be a whole number of seconds or \"off\"",
        )),
    }
}

fn parsed<T: std::str::FromStr<Err = Error>>(s: Option<String>) -> Result<Option<T>, JsValue> {
    s.map(|s| s.parse().map_err(to_js)).transpose()
}

fn invalid(message: String) -> JsValue {
    to_js(Error::new(ErrorCode::InvalidOption, message))
}
