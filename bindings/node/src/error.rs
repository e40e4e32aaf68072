//! The one place errors are mapped: a core `hookseal::Error` becomes a JS `Error` whose
//! `code` is the core's snake_case code and whose `message` is the core's message
//! (never a secret). A panic becomes `code: "internal"` instead of an abort.
//!
//! Two ways out, one mapping: `to_js` for the `#[napi]` functions (napi-rs throws the
//! error), `landing_pad` for the raw hot path in `bound.rs` (which throws it itself).

use napi::sys;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

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
const INTERNAL: &str = "internal";
const INTERNAL_MESSAGE: &str = "hookseal hit an internal bug (a panic); please report it";

/// A core error as the JS error the engine interface promises.
pub fn to_js(e: hookseal::Error) -> napi::Error<Code> {
    napi::Error::new(Code(e.code().as_str()), e.message().to_owned())
}

/// Runs `f`, turning a panic into a thrown `internal`: a panic unwinding out of
/// an `extern "C"` callback would abort the whole Node process.
pub fn guard<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(napi::Error::new(
            Code(INTERNAL),
            INTERNAL_MESSAGE.to_owned(),
        ))
    })
}

/// Why a raw call failed, thrown into JS by [`landing_pad`].
pub enum Thrown {
    /// A core error: an `Error` with the core's `code` and message.
    Core(hookseal::Error),
    /// An argument of the wrong type (a bug of the JS layer, which checks types): a
    /// `TypeError`.
    Type(&'static str),
    /// A Node-API call failed (an exception may be pending): `internal` unless
    /// one is.
    Napi,
}

impl From<hookseal::Error> for Thrown {
    fn from(e: hookseal::Error) -> Thrown {
        Thrown::Core(e)
    }
}

/// Runs a raw Node-API callback body and returns its value; its error, or a panic as
/// `internal`, is thrown into JS instead (and the callback returns a null
/// `napi_value`, which Node reads as `undefined`).
///
/// # Safety
/// `env` must be the environment of the callback being run.
pub unsafe fn landing_pad(
    env: sys::napi_env,
    f: impl FnOnce() -> std::result::Result<sys::napi_value, Thrown>,
) -> sys::napi_value {
    let thrown = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => return value,
        Ok(Err(e)) => e,
        Err(_) => {
            // SAFETY: the caller's `env` is live for this callback.
            unsafe {
                throw(
                    env,
                    Some(INTERNAL),
                    INTERNAL_MESSAGE,
                    sys::napi_create_error,
                )
            };
            return ptr::null_mut();
        }
    };
    // SAFETY: as above.
    unsafe {
        match thrown {
            Thrown::Core(e) => throw(
                env,
                Some(e.code().as_str()),
                e.message(),
                sys::napi_create_error,
            ),
            Thrown::Type(message) => throw(env, None, message, sys::napi_create_type_error),
            // A failed Node-API call may or may not have left an exception; the call
            // must throw either way (returning would read as success).
            Thrown::Napi => {
                let mut pending = false;
                let status = sys::napi_is_exception_pending(env, &mut pending);
                if status != sys::Status::napi_ok || !pending {
                    let message = "a Node-API call failed inside hookseal";
                    throw(env, Some(INTERNAL), message, sys::napi_create_error);
                }
            }
        }
    }
    ptr::null_mut()
}

/// The signature of `napi_create_error` and `napi_create_type_error`.
type MakeError = unsafe extern "C" fn(
    sys::napi_env,
    sys::napi_value,
    sys::napi_value,
    *mut sys::napi_value,
) -> sys::napi_status;

/// Throws the error `make` builds from `message`, with `.code = code` when given.
unsafe fn throw(env: sys::napi_env, code: Option<&str>, message: &str, make: MakeError) {
    let (mut c, mut m, mut error) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
    // SAFETY: `env` is live (the caller's contract); out-pointers are locals; a null
    // code is allowed and sets none.
    unsafe {
        if code.is_none_or(|code| string(env, code, &mut c))
            && string(env, message, &mut m)
            && make(env, c, m, &mut error) == sys::Status::napi_ok
        {
            sys::napi_throw(env, error);
        }
    }
}

unsafe fn string(env: sys::napi_env, s: &str, out: &mut sys::napi_value) -> bool {
    // SAFETY: `s` is valid UTF-8 of `s.len()` bytes; `env` is live.
    unsafe {
        sys::napi_create_string_utf8(env, s.as_ptr().cast(), s.len() as isize, out)
            == sys::Status::napi_ok
    }
}
