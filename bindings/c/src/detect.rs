//! Guessing the scheme from a request's headers.

use crate::error::HooksealStatus;
use crate::landing::{landing_pad, write_out};
use crate::types::{slice, HooksealBytes, HooksealHeader};
use std::ffi::c_char;

/// Writes to `scheme_out` the id of the scheme whose signature header is present
/// (a static string, never freed), or `{NULL, 0}` when none is. Salescaling and
/// custom schemes use configurable headers and are never detected. A header name that
/// is not UTF-8 matches nothing.
///
/// # Safety
/// `headers` must be NULL (with `len` 0) or valid for `len` headers whose bytes are
/// valid during the call; `scheme_out` valid for a write; `error_out` NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn hookseal_detect(
    headers: *const HooksealHeader,
    headers_len: usize,
    scheme_out: *mut HooksealBytes,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let mut pairs: Vec<(&str, &[u8])> = Vec::with_capacity(headers_len);
        for h in slice(headers, headers_len, "headers")? {
            let value = h.value.as_slice("header value")?;
            if let Some(name) = h.name.as_str("header name")? {
                pairs.push((name, value));
            }
        }
        let id = hookseal::detect(&pairs).map(|s| s.as_str());
        let out = HooksealBytes {
            ptr: id.map_or(std::ptr::null(), str::as_ptr),
            len: id.map_or(0, str::len),
        };
        write_out(scheme_out, out, "scheme_out")
    })
}
