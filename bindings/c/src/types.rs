//! The plain C structs that cross the boundary, and the conversions of borrowed input.

use crate::error::FfiError;
use std::ffi::c_char;

/// Borrowed bytes: `ptr` may be NULL only when `len` is 0. In a list of header values,
/// a NULL `ptr` means "header absent" and a non-NULL `ptr` with `len` 0 "present, empty".
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HooksealBytes {
    /// The first byte, or NULL.
    pub ptr: *const u8,
    /// The number of bytes.
    pub len: usize,
}

/// One option, as the vectors spell it: `name` is `tolerance`, `max_body`, `header`,
/// `prefix`, `encoding`, `content`, `timestamp_header` or `id_header`; `value` is its
/// text (`"300"`, `"off"`, `"1048576"`, `"x-signature"`, ...). Both UTF-8.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HooksealOption {
    /// The option's snake_case name.
    pub name: HooksealBytes,
    /// The option's value, as text.
    pub value: HooksealBytes,
}

/// One secret with an optional end of its rotation window: it verifies while
/// `now <= not_after` (unix seconds) when `has_not_after`, always otherwise. After that a
/// delivery signed only with it is `signature_mismatch`; `secret_index` still counts it.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HooksealSecret {
    /// The secret's bytes, exactly as the provider shows them.
    pub value: HooksealBytes,
    /// The last second (unix) at which the secret verifies; read only when `has_not_after`.
    pub not_after: i64,
    /// Whether the secret retires at `not_after`.
    pub has_not_after: bool,
}

/// One request header: a name (any case) and its value.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HooksealHeader {
    /// The header name.
    pub name: HooksealBytes,
    /// The header value.
    pub value: HooksealBytes,
}

/// An owned string returned by hookseal: `len` bytes followed by a NUL (the bytes may
/// themselves hold a NUL, so use `len`). `ptr` is NULL when the value is absent.
/// Freed by the `_free` function of the struct that holds it.
#[repr(C)]
#[derive(Debug)]
pub struct HooksealString {
    /// The bytes, NUL-terminated, or NULL for "absent".
    pub ptr: *mut c_char,
    /// The number of bytes before the terminating NUL.
    pub len: usize,
}

/// What a successful verification knows without parsing the body.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct HooksealVerified {
    /// Which configured secret matched (0 for the first).
    pub secret_index: usize,
    /// The signed timestamp, unix seconds; meaningful only when `has_timestamp`.
    pub timestamp: u64,
    /// Whether the scheme signed a timestamp.
    pub has_timestamp: bool,
}

/// The envelope of a verified delivery (docs/schemes.md#envelope). Free with
/// `hookseal_envelope_free`.
#[repr(C)]
#[derive(Debug)]
pub struct HooksealEnvelope {
    /// The event kind, or absent.
    pub kind: HooksealString,
    /// The event or delivery id, or absent.
    pub event_id: HooksealString,
    /// Whether `event_id` was covered by the signature.
    pub event_id_signed: bool,
    /// The tenant (company, account) id, or absent.
    pub tenant: HooksealString,
    /// The key to de-duplicate on: the signed event id, else the hex SHA-256 of the body.
    pub idempotency_key: HooksealString,
}

/// One header to send, from `hookseal_sign`.
#[repr(C)]
#[derive(Debug)]
pub struct HooksealHeaderOut {
    /// The lowercase header name.
    pub name: HooksealString,
    /// The header value.
    pub value: HooksealString,
}

/// The headers to send, in order. Free with `hookseal_header_list_free`.
#[repr(C)]
#[derive(Debug)]
pub struct HooksealHeaderList {
    /// The first header, or NULL when `len` is 0.
    pub ptr: *mut HooksealHeaderOut,
    /// The number of headers.
    pub len: usize,
}

impl HooksealString {
    /// The absent string.
    pub(crate) fn none() -> HooksealString {
        HooksealString {
            ptr: std::ptr::null_mut(),
            len: 0,
        }
    }

    /// An owned copy of `bytes`, NUL-terminated.
    pub(crate) fn new(bytes: &[u8]) -> HooksealString {
        let mut owned = Vec::with_capacity(bytes.len() + 1);
        owned.extend_from_slice(bytes);
        owned.push(0);
        let len = bytes.len();
        let ptr = Box::into_raw(owned.into_boxed_slice()) as *mut c_char;
        HooksealString { ptr, len }
    }

    pub(crate) fn from_option(value: Option<String>) -> HooksealString {
        value.map_or(HooksealString::none(), |s| {
            HooksealString::new(s.as_bytes())
        })
    }

    /// Frees the bytes (if any) and leaves the string absent.
    ///
    /// # Safety
    /// `self` must come from [`HooksealString::new`] and not have been freed.
    pub(crate) unsafe fn release(&mut self) {
        if !self.ptr.is_null() {
            let slice = std::ptr::slice_from_raw_parts_mut(self.ptr as *mut u8, self.len + 1);
            drop(Box::from_raw(slice));
        }
        *self = HooksealString::none();
    }
}

impl HooksealBytes {
    /// The bytes this points to.
    ///
    /// # Safety
    /// `ptr` must be NULL or valid for `len` bytes for the lifetime `'a`.
    pub(crate) unsafe fn as_slice<'a>(self, what: &str) -> Result<&'a [u8], FfiError> {
        slice(self.ptr, self.len, what)
    }

    /// The bytes, or `None` when `ptr` is NULL (an absent value).
    ///
    /// # Safety
    /// As [`HooksealBytes::as_slice`].
    pub(crate) unsafe fn as_option<'a>(self, what: &str) -> Result<Option<&'a [u8]>, FfiError> {
        if self.ptr.is_null() {
            return Ok(None);
        }
        slice(self.ptr, self.len, what).map(Some)
    }

    /// The bytes as UTF-8 text; invalid UTF-8 is `None` (the caller picks the code).
    ///
    /// # Safety
    /// As [`HooksealBytes::as_slice`].
    pub(crate) unsafe fn as_str<'a>(self, what: &str) -> Result<Option<&'a str>, FfiError> {
        Ok(std::str::from_utf8(self.as_slice(what)?).ok())
    }
}

/// `len` items at `ptr`; NULL is the empty list only when `len` is 0.
///
/// # Safety
/// `ptr` must be NULL or valid for `len` items for the lifetime `'a`.
pub(crate) unsafe fn slice<'a, T>(
    ptr: *const T,
    len: usize,
    what: &str,
) -> Result<&'a [T], FfiError> {
    if ptr.is_null() {
        if len == 0 {
            return Ok(&[]);
        }
        return Err(FfiError::argument(format!(
            "{what} is NULL with length {len}"
        )));
    }
    if len
        .checked_mul(std::mem::size_of::<T>())
        .is_none_or(|n| n > isize::MAX as usize)
    {
        return Err(FfiError::argument(format!("{what} is too long")));
    }
    Ok(std::slice::from_raw_parts(ptr, len))
}

/// A required pointer, checked for NULL.
pub(crate) fn required<T>(ptr: *const T, what: &str) -> Result<*const T, FfiError> {
    if ptr.is_null() {
        return Err(FfiError::argument(format!("{what} is NULL")));
    }
    Ok(ptr)
}
