//! The one place errors are mapped: a core `hookseal::Error` becomes a JS `Error` whose
//! `code` is the core's snake_case code and whose `message` is the core's message
//! (never a secret). A panic becomes `code: "internal_error"` instead of an abort.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// The `code` property of a thrown JS error: a stable snake_case string.
pub struct Code(&'static str);

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// What every exported function returns.
pub type Result<T> = std::result::Result<T, napi::Error<Code>>;

/// The code thrown when the core panics: a bug, reported instead of aborting Node.
const INTERNAL: &str = "internal_error";

/// A core error as the JS error the engine interface promises.
pub fn to_js(e: hookseal::Error) -> napi::Error<Code> {
    napi::Error::new(Code(e.code().as_str()), e.message().to_owned())
}

/// Runs `f`, turning a panic into a thrown `internal_error`: a panic unwinding out of
/// an `extern "C"` callback would abort the whole Node process.
pub fn guard<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(napi::Error::new(
            Code(INTERNAL),
            "hookseal hit an internal bug (a panic); please report it".to_owned(),
        ))
    })
}
