//! The landing pad every `extern "C"` function goes through: panics are caught, errors
//! become a status plus a message written to `error_out`, per call.

use crate::error::{FfiError, HooksealStatus};
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `body`; returns `HOOKSEAL_OK` or the error's status, and writes NULL or the
/// error message to `*error_out` when `error_out` is not NULL.
///
/// # Safety
/// `error_out` must be NULL or valid for one pointer write.
pub(crate) unsafe fn landing_pad<F>(error_out: *mut *mut c_char, body: F) -> HooksealStatus
where
    F: FnOnce() -> Result<(), FfiError>,
{
    let result = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|p| Err(FfiError::panic(p)));
    let (status, message) = match result {
        Ok(()) => (HooksealStatus::HOOKSEAL_OK, std::ptr::null_mut()),
        Err(err) => (err.status, err.into_c_message()),
    };
    if error_out.is_null() {
        if !message.is_null() {
            drop(std::ffi::CString::from_raw(message));
        }
    } else {
        *error_out = message;
    }
    status
}

/// Writes `value` to a required out-pointer.
///
/// # Safety
/// `out` must be NULL or valid for one write of `T`.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T, what: &str) -> Result<(), FfiError> {
    if out.is_null() {
        return Err(FfiError::argument(format!("{what} is NULL")));
    }
    out.write(value);
    Ok(())
}
