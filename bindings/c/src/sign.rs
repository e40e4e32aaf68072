//! Signing: the headers a provider would send for a body.

use crate::error::{FfiError, HooksealStatus};
use crate::landing::{landing_pad, write_out};
use crate::options::{self, scheme};
use crate::types::{
    required, slice, HooksealBytes, HooksealHeaderList, HooksealHeaderOut, HooksealOption,
    HooksealString,
};
use hookseal::{ErrorCode, Signer};
use std::ffi::c_char;

/// Signs `body` for `scheme_id` with one `secret`: writes the headers to send, in order
/// (id, timestamp, signature; lowercase names) to `headers_out`. `timestamp` points to
/// unix seconds, or is NULL for now; `id` is the message id of the schemes that sign one
/// (NULL `ptr` for a deterministic default).
///
/// Errors: `HOOKSEAL_UNKNOWN_SCHEME`, `HOOKSEAL_INVALID_SECRET`, `HOOKSEAL_INVALID_OPTION`.
///
/// # Safety
/// Every `(ptr, len)` must be valid for reads during the call; `timestamp` NULL or valid;
/// `headers_out` valid for a write, and on success owns a list the caller frees with
/// `hookseal_header_list_free`; `error_out` NULL or valid for a write.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_sign(
    scheme_id: HooksealBytes,
    secret: HooksealBytes,
    options: *const HooksealOption,
    options_len: usize,
    body: *const u8,
    body_len: usize,
    timestamp: *const i64,
    id: HooksealBytes,
    headers_out: *mut HooksealHeaderList,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        required(headers_out, "headers_out")?;
        let scheme = scheme(scheme_id)?;
        let opts = options::parse(options, options_len)?;
        let signer = Signer::with_options(scheme, secret.as_slice("secret")?, &opts)?;
        let body = slice(body, body_len, "body")?;
        let id = match id.as_option("id")? {
            Some(bytes) => Some(std::str::from_utf8(bytes).map_err(|_| {
                FfiError::code(ErrorCode::InvalidOption, "the message id is not UTF-8")
            })?),
            None => None,
        };
        let headers = signer.sign_with_id(body, timestamp.as_ref().copied(), id)?;
        let list: Box<[HooksealHeaderOut]> = headers
            .iter()
            .map(|(name, value)| HooksealHeaderOut {
                name: HooksealString::new(name.as_bytes()),
                value: HooksealString::new(value.as_bytes()),
            })
            .collect();
        let len = list.len();
        let ptr = Box::into_raw(list) as *mut HooksealHeaderOut;
        write_out(headers_out, HooksealHeaderList { ptr, len }, "headers_out")
    })
}

/// Frees a header list from `hookseal_sign` and leaves it empty. NULL does nothing;
/// freeing twice is harmless.
///
/// # Safety
/// `list` must be NULL or filled by `hookseal_sign` (or already freed by this).
#[no_mangle]
pub unsafe extern "C" fn hookseal_header_list_free(list: *mut HooksealHeaderList) {
    let Some(list) = list.as_mut() else { return };
    if !list.ptr.is_null() {
        let items = std::ptr::slice_from_raw_parts_mut(list.ptr, list.len);
        let mut items = Box::from_raw(items);
        for item in items.iter_mut() {
            item.name.release();
            item.value.release();
        }
    }
    list.ptr = std::ptr::null_mut();
    list.len = 0;
}
