//! Entry points for a WebAssembly host (the Go module's `CGO_ENABLED=0` engine), built
//! only for `wasm32`. They add what a host needs and C callers do not: memory to pass
//! arguments in (`hookseal_wasm_alloc` / `_free`), and a form of every function that
//! takes or returns a struct by value with only pointers and integers, since how a
//! struct crosses a wasm call differs between compilers. Each one calls the C ABI
//! function of the same name, so the landing pad, the checks and the status table are
//! the C ABI's own. Not in the C header (`cbindgen:ignore`).

use crate::error::HooksealStatus;
use crate::types::{
    HooksealBytes, HooksealHeaderList, HooksealOption, HooksealSecret, HooksealString,
};
use crate::verifier::HooksealVerifier;
use std::alloc::Layout;
use std::ffi::c_char;

/// The alignment of every block handed to the host: enough for any struct of the ABI.
const ALIGN: usize = 8;

fn bytes(ptr: *const u8, len: usize) -> HooksealBytes {
    HooksealBytes { ptr, len }
}

/// `len` bytes (at least 1) of memory for the host, aligned to 8, or NULL.
/// cbindgen:ignore
#[no_mangle]
pub extern "C" fn hookseal_wasm_alloc(len: usize) -> *mut u8 {
    match Layout::from_size_align(len.max(1), ALIGN) {
        // SAFETY: the layout has a non-zero size.
        Ok(layout) => unsafe { std::alloc::alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

/// Frees a block from `hookseal_wasm_alloc` of the same `len`.
///
/// # Safety
/// `ptr` must come from `hookseal_wasm_alloc(len)` and not have been freed.
/// cbindgen:ignore
#[no_mangle]
pub unsafe extern "C" fn hookseal_wasm_free(ptr: *mut u8, len: usize) {
    if let (false, Ok(layout)) = (ptr.is_null(), Layout::from_size_align(len.max(1), ALIGN)) {
        std::alloc::dealloc(ptr, layout);
    }
}

/// `hookseal_verifier_new` with the scheme as `(ptr, len)`.
///
/// # Safety
/// As `hookseal_verifier_new`.
/// cbindgen:ignore
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_wasm_verifier_new(
    scheme_ptr: *const u8,
    scheme_len: usize,
    secrets: *const HooksealBytes,
    secrets_len: usize,
    options: *const HooksealOption,
    options_len: usize,
    verifier_out: *mut *mut HooksealVerifier,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    crate::hookseal_verifier_new(
        bytes(scheme_ptr, scheme_len),
        secrets,
        secrets_len,
        options,
        options_len,
        verifier_out,
        error_out,
    )
}

/// `hookseal_verifier_header_name`, written to `out`.
///
/// # Safety
/// As `hookseal_verifier_header_name`; `out` valid for a write.
/// cbindgen:ignore
#[no_mangle]
pub unsafe extern "C" fn hookseal_wasm_verifier_header_name(
    verifier: *const HooksealVerifier,
    index: usize,
    out: *mut HooksealBytes,
) {
    if !out.is_null() {
        out.write(crate::hookseal_verifier_header_name(verifier, index));
    }
}

/// `hookseal_status_code`, written to `out`.
///
/// # Safety
/// `out` must be valid for a write.
/// cbindgen:ignore
#[no_mangle]
pub unsafe extern "C" fn hookseal_wasm_status_code(status: u32, out: *mut HooksealBytes) {
    if !out.is_null() {
        out.write(crate::hookseal_status_code(status));
    }
}

/// `hookseal_sign` with the scheme, the secret and the id as `(ptr, len)`.
///
/// # Safety
/// As `hookseal_sign`.
/// cbindgen:ignore
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_wasm_sign(
    scheme_ptr: *const u8,
    scheme_len: usize,
    secret_ptr: *const u8,
    secret_len: usize,
    options: *const HooksealOption,
    options_len: usize,
    body: *const u8,
    body_len: usize,
    timestamp: *const i64,
    id_ptr: *const u8,
    id_len: usize,
    headers_out: *mut HooksealHeaderList,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    crate::hookseal_sign(
        bytes(scheme_ptr, scheme_len),
        bytes(secret_ptr, secret_len),
        options,
        options_len,
        body,
        body_len,
        timestamp,
        bytes(id_ptr, id_len),
        headers_out,
        error_out,
    )
}

/// `hookseal_claim_key` with the scheme and the idempotency key as `(ptr, len)`.
///
/// # Safety
/// As `hookseal_claim_key`.
/// cbindgen:ignore
#[no_mangle]
pub unsafe extern "C" fn hookseal_wasm_claim_key(
    scheme_ptr: *const u8,
    scheme_len: usize,
    key_ptr: *const u8,
    key_len: usize,
    key_out: *mut HooksealString,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    crate::hookseal_claim_key(
        bytes(scheme_ptr, scheme_len),
        bytes(key_ptr, key_len),
        key_out,
        error_out,
    )
}

/// `hookseal_tenant_claim_key` with the scheme, the tenant and the idempotency key as
/// `(ptr, len)`.
///
/// # Safety
/// As `hookseal_tenant_claim_key`.
/// cbindgen:ignore
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_wasm_tenant_claim_key(
    scheme_ptr: *const u8,
    scheme_len: usize,
    tenant_ptr: *const u8,
    tenant_len: usize,
    key_ptr: *const u8,
    key_len: usize,
    key_out: *mut HooksealString,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    crate::hookseal_tenant_claim_key(
        bytes(scheme_ptr, scheme_len),
        bytes(tenant_ptr, tenant_len),
        bytes(key_ptr, key_len),
        key_out,
        error_out,
    )
}

/// `hookseal_verifier_new_secrets` with the scheme as `(ptr, len)`.
///
/// # Safety
/// As `hookseal_verifier_new_secrets`.
/// cbindgen:ignore
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_wasm_verifier_new_secrets(
    scheme_ptr: *const u8,
    scheme_len: usize,
    secrets: *const HooksealSecret,
    secrets_len: usize,
    options: *const HooksealOption,
    options_len: usize,
    verifier_out: *mut *mut HooksealVerifier,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    crate::hookseal_verifier_new_secrets(
        bytes(scheme_ptr, scheme_len),
        secrets,
        secrets_len,
        options,
        options_len,
        verifier_out,
        error_out,
    )
}
