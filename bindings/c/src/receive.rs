//! The receive contract (`hookseal::receive`), readable from C: runtimes build their
//! helpers' statuses, bodies, defaults and decisions from it rather than from a copy.

use crate::error::{FfiError, HooksealStatus};
use crate::landing::{landing_pad, write_out};
use crate::types::{HooksealBytes, HooksealString};
use std::ffi::{c_char, CString};
use std::sync::OnceLock;

/// The core's receive contract (`hookseal::receive::contract_json()`: the reply table
/// with every code's HTTP status, `Retry-After` and message, the de-duplication decision
/// table, the claim key and the default lease, TTL and store `Retry-After`), as a static
/// NUL-terminated JSON string built once and never freed.
#[no_mangle]
pub extern "C" fn hookseal_receive_contract() -> *const c_char {
    static CONTRACT: OnceLock<CString> = OnceLock::new();
    CONTRACT
        .get_or_init(|| {
            // JSON text never holds a NUL byte (a NUL in a string is escaped).
            CString::new(hookseal::receive::CONTRACT_JSON).unwrap_or_default()
        })
        .as_ptr()
}

/// The key a delivery is claimed under in a de-duplication store
/// (`hookseal::receive::claim_key`): `<scheme>:<idempotency key>`, written to `key_out`
/// (freed with `hookseal_string_free`), or the absent string for an empty idempotency
/// key, which is never claimed.
///
/// Errors: `HOOKSEAL_INVALID_ARGUMENT` for bytes that are not UTF-8 or a NULL `key_out`.
///
/// # Safety
/// `scheme` and `idempotency_key` must be valid for reads; `key_out` valid for a write.
/// `error_out` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn hookseal_claim_key(
    scheme: HooksealBytes,
    idempotency_key: HooksealBytes,
    key_out: *mut HooksealString,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let key = hookseal::receive::claim_key(
            text(scheme, "scheme")?,
            text(idempotency_key, "idempotency key")?,
        );
        let out = key.map_or_else(HooksealString::none, |k| HooksealString::new(k.as_bytes()));
        write_out(key_out, out, "key_out")
    })
}

/// The key a delivery to one tenant is claimed under
/// (`hookseal::receive::tenant_claim_key`): `<scheme>/<tenant>:<idempotency key>`, the
/// tenant escaped (`%`, `/` and `:` as `%25`, `%2F`, `%3A`) so that two tenants never
/// share a key; written to `key_out` (freed with `hookseal_string_free`), or the absent
/// string for an empty idempotency key, which is never claimed.
///
/// Errors: `HOOKSEAL_INVALID_ARGUMENT` for bytes that are not UTF-8 or a NULL `key_out`.
///
/// # Safety
/// `scheme`, `tenant` and `idempotency_key` must be valid for reads; `key_out` valid for
/// a write. `error_out` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn hookseal_tenant_claim_key(
    scheme: HooksealBytes,
    tenant: HooksealBytes,
    idempotency_key: HooksealBytes,
    key_out: *mut HooksealString,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let key = hookseal::receive::tenant_claim_key(
            text(scheme, "scheme")?,
            text(tenant, "tenant")?,
            text(idempotency_key, "idempotency key")?,
        );
        let out = key.map_or_else(HooksealString::none, |k| HooksealString::new(k.as_bytes()));
        write_out(key_out, out, "key_out")
    })
}

/// Borrowed bytes as UTF-8 text, or an invalid argument naming `what`.
///
/// # Safety
/// `b` must be valid for reads.
unsafe fn text<'a>(b: HooksealBytes, what: &str) -> Result<&'a str, FfiError> {
    std::str::from_utf8(b.as_slice(what)?)
        .map_err(|_| FfiError::argument(format!("{what} is not UTF-8")))
}

/// Frees a string written by this library (`hookseal_claim_key`,
/// `hookseal_tenant_claim_key`, `hookseal_explain`) and leaves it absent. NULL does nothing; freeing twice is
/// harmless.
///
/// # Safety
/// `string` must be NULL or filled by this library (or already freed by this).
#[no_mangle]
pub unsafe extern "C" fn hookseal_string_free(string: *mut HooksealString) {
    if let Some(s) = string.as_mut() {
        s.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn the_contract_is_the_core_one_and_built_once() {
        let first = hookseal_receive_contract();
        assert_eq!(first, hookseal_receive_contract());
        let text = unsafe { CStr::from_ptr(first) }.to_str().unwrap();
        assert_eq!(text, hookseal::receive::contract_json());
    }

    fn claim_key(scheme: &str, key: &str) -> Option<String> {
        let bytes = |s: &str| HooksealBytes {
            ptr: s.as_ptr(),
            len: s.len(),
        };
        let mut out = HooksealString::none();
        let status = unsafe {
            hookseal_claim_key(bytes(scheme), bytes(key), &mut out, std::ptr::null_mut())
        };
        assert_eq!(status, HooksealStatus::HOOKSEAL_OK);
        let key = (!out.ptr.is_null()).then(|| {
            let b = unsafe { std::slice::from_raw_parts(out.ptr as *const u8, out.len) };
            String::from_utf8(b.to_vec()).unwrap()
        });
        unsafe { hookseal_string_free(&mut out) };
        key
    }

    #[test]
    fn the_claim_key_is_the_core_one() {
        assert_eq!(
            claim_key("stripe", "evt_1").as_deref(),
            Some("stripe:evt_1")
        );
        assert_eq!(claim_key("saleslab", ""), None);
    }

    #[test]
    fn the_tenant_claim_key_is_the_core_one() {
        let bytes = |s: &str| HooksealBytes {
            ptr: s.as_ptr(),
            len: s.len(),
        };
        for (tenant, key) in [("acme", "d_1"), ("a:b/c%", "d"), ("acme", "")] {
            let mut out = HooksealString::none();
            let status = unsafe {
                hookseal_tenant_claim_key(
                    bytes("saleslab"),
                    bytes(tenant),
                    bytes(key),
                    &mut out,
                    std::ptr::null_mut(),
                )
            };
            assert_eq!(status, HooksealStatus::HOOKSEAL_OK);
            let got = (!out.ptr.is_null()).then(|| {
                let b = unsafe { std::slice::from_raw_parts(out.ptr as *const u8, out.len) };
                String::from_utf8(b.to_vec()).unwrap()
            });
            unsafe { hookseal_string_free(&mut out) };
            assert_eq!(
                got,
                hookseal::receive::tenant_claim_key("saleslab", tenant, key)
            );
        }
    }
}
