//! The status table, readable from C: runtimes build their error types from it.

use crate::error::HooksealStatus;
use crate::types::HooksealBytes;
use std::ffi::{c_char, CString};

/// The stable snake_case code of a status (`"signature_mismatch"`), as static bytes that
/// are never freed; `"ok"` for `HOOKSEAL_OK`, `"invalid_argument"` and `"internal"` for the
/// ABI's own two values, `{NULL, 0}` for any other number.
#[no_mangle]
pub extern "C" fn hookseal_status_code(status: u32) -> HooksealBytes {
    let text = match status {
        0 => Some("ok"),
        254 => Some("invalid_argument"),
        255 => Some("internal"),
        n => hookseal::ErrorCode::ALL
            .into_iter()
            .find(|c| *c as u32 == n)
            .map(|c| c.as_str()),
    };
    HooksealBytes {
        ptr: text.map_or(std::ptr::null(), str::as_ptr),
        len: text.map_or(0, str::len),
    }
}

/// The HTTP status a webhook receiver answers a status with: 200 for `HOOKSEAL_OK`,
/// 413, 400 or 401 for rejected deliveries, 500 for everything else.
#[no_mangle]
pub extern "C" fn hookseal_status_http(status: u32) -> u16 {
    if status == HooksealStatus::HOOKSEAL_OK as u32 {
        return 200;
    }
    hookseal::ErrorCode::ALL
        .into_iter()
        .find(|c| *c as u32 == status)
        .map_or(500, |c| c.http_status())
}

/// Frees an error message written to an `error_out`. NULL does nothing.
///
/// # Safety
/// `message` must be NULL or a message from an `error_out` of this library, freed once.
#[no_mangle]
pub unsafe extern "C" fn hookseal_error_free(message: *mut c_char) {
    if !message.is_null() {
        drop(CString::from_raw(message));
    }
}

/// The library's version (the workspace version), a static NUL-terminated string.
#[no_mangle]
pub extern "C" fn hookseal_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_matches_the_core() {
        for code in hookseal::ErrorCode::ALL {
            let b = hookseal_status_code(code as u32);
            let text = unsafe { std::slice::from_raw_parts(b.ptr, b.len) };
            assert_eq!(text, code.as_str().as_bytes());
            assert_eq!(hookseal_status_http(code as u32), code.http_status());
        }
        assert!(hookseal_status_code(13).ptr.is_null());
        assert_eq!(hookseal_status_http(0), 200);
    }
}
