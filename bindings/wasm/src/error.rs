//! The one place core errors become JavaScript errors: an `Error` whose `code` is the
//! core's snake_case code and whose `message` is the core's message, as the native addon
//! throws them (the JS layer adds `status`). Messages never contain a secret.

use hookseal::Error;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// A JavaScript `Error` carrying `code`.
pub(crate) fn to_js(err: Error) -> JsValue {
    let js = js_sys::Error::new(err.message());
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&js, &"code".into(), &err.code().as_str().into());
    js.into()
}

/// A mistake in the types the JS layer passed (not a hookseal code): a `TypeError`.
pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
