//! The opaque verifier handle: build, free, introspect, verify, and read the envelope.

use crate::error::{FfiError, HooksealStatus};
use crate::landing::{landing_pad, write_out};
use crate::options::{self, scheme, HOOKSEAL_MAX_HEADER_NAMES};
use crate::types::{
    required, slice, HooksealBytes, HooksealEnvelope, HooksealHeader, HooksealOption,
    HooksealSecret, HooksealString, HooksealVerified,
};
use hookseal::{Headers, Secret, Verifier};
use std::borrow::Cow;
use std::ffi::c_char;

/// A verifier for one scheme and its secrets. Opaque; built by `hookseal_verifier_new`,
/// freed by `hookseal_verifier_free`. It is immutable: one verifier may serve any number
/// of threads at once.
pub struct HooksealVerifier {
    inner: Verifier,
}

/// The header values a caller extracted, one per name of the verifier's header list.
struct Slots<'a> {
    names: &'a [String],
    values: &'a [HooksealBytes],
}

// One value per name: the caller has already joined repeats (`docs/schemes.md`).
impl Headers for Slots<'_> {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        let i = self.names.iter().position(|n| n == name)?;
        let value = self.values[i];
        // SAFETY: checked by `Slots::new`, which the caller's contract makes valid.
        unsafe { value.as_option("header value").ok().flatten() }.map(Cow::Borrowed)
    }
}

impl<'a> Slots<'a> {
    /// # Safety
    /// `values` must be NULL (with `len` 0) or valid for `len` entries, each valid bytes.
    unsafe fn new(
        verifier: &'a Verifier,
        values: *const HooksealBytes,
        len: usize,
    ) -> Result<Slots<'a>, FfiError> {
        let names = verifier.header_names();
        let values = slice(values, len, "header values")?;
        if values.len() != names.len() {
            return Err(FfiError::argument(format!(
                "{} header values given; this verifier reads {} headers",
                values.len(),
                names.len()
            )));
        }
        for v in values {
            v.as_option("header value")?;
        }
        Ok(Slots { names, values })
    }
}

/// Builds a verifier. `scheme` is an id (`"salesbooth"`, `"custom"`, ...); `secrets` are
/// tried in order (several during a rotation); `options` as in `HooksealOption`.
///
/// Errors: `HOOKSEAL_UNKNOWN_SCHEME`, `HOOKSEAL_INVALID_SECRET`, `HOOKSEAL_INVALID_OPTION`.
///
/// ```c
/// HooksealBytes secret = {(const uint8_t *)"whsec_test", 10};
/// HooksealVerifier *v = NULL;
/// char *err = NULL;
/// if (hookseal_verifier_new((HooksealBytes){(const uint8_t *)"salesbooth", 10},
///                           &secret, 1, NULL, 0, &v, &err) != HOOKSEAL_OK) {
///     fprintf(stderr, "%s\n", err);
///     hookseal_error_free(err);
/// }
/// ```
///
/// # Safety
/// Every `(ptr, len)` must be valid for reads for the duration of the call (nothing is
/// kept: the secrets are copied). `verifier_out` must be valid for a write; on success it
/// owns a verifier the caller frees with `hookseal_verifier_free`. `error_out` may be NULL.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verifier_new(
    scheme_id: HooksealBytes,
    secrets: *const HooksealBytes,
    secrets_len: usize,
    options: *const HooksealOption,
    options_len: usize,
    verifier_out: *mut *mut HooksealVerifier,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let secrets = slice(secrets, secrets_len, "secrets")?
            .iter()
            .map(|s| Ok(Secret::new(s.as_slice("secret")?)))
            .collect::<Result<Vec<Secret>, FfiError>>()?;
        build(scheme_id, &secrets, options, options_len, verifier_out)
    })
}

/// `hookseal_verifier_new` with secrets that may retire (`HooksealSecret`): each verifies
/// until its `not_after`, so an old secret leaves the rotation on schedule, not by a
/// redeploy. The secrets are tried in order; `secret_index` counts every one of them.
///
/// Errors: `HOOKSEAL_UNKNOWN_SCHEME`, `HOOKSEAL_INVALID_SECRET`, `HOOKSEAL_INVALID_OPTION`.
///
/// # Safety
/// As `hookseal_verifier_new`; `secrets` NULL (with `secrets_len` 0) or valid for
/// `secrets_len` secrets whose bytes are valid during the call.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verifier_new_secrets(
    scheme_id: HooksealBytes,
    secrets: *const HooksealSecret,
    secrets_len: usize,
    options: *const HooksealOption,
    options_len: usize,
    verifier_out: *mut *mut HooksealVerifier,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let secrets = slice(secrets, secrets_len, "secrets")?
            .iter()
            .map(|s| {
                let secret = Secret::new(s.value.as_slice("secret")?);
                Ok(match s.has_not_after {
                    true => secret.not_after(s.not_after),
                    false => secret,
                })
            })
            .collect::<Result<Vec<Secret>, FfiError>>()?;
        build(scheme_id, &secrets, options, options_len, verifier_out)
    })
}

/// The verifier of both constructors, written to `verifier_out`.
///
/// # Safety
/// As `hookseal_verifier_new`.
unsafe fn build(
    scheme_id: HooksealBytes,
    secrets: &[Secret],
    options: *const HooksealOption,
    options_len: usize,
    verifier_out: *mut *mut HooksealVerifier,
) -> Result<(), FfiError> {
    required(verifier_out, "verifier_out")?;
    let scheme = scheme(scheme_id)?;
    let opts = options::parse(options, options_len)?;
    let inner = Verifier::with_secrets(scheme, secrets, &opts)?;
    let handle = Box::into_raw(Box::new(HooksealVerifier { inner }));
    write_out(verifier_out, handle, "verifier_out")
}

/// Frees a verifier. NULL is allowed and does nothing.
///
/// # Safety
/// `verifier` must be NULL or come from `hookseal_verifier_new`, not be freed twice, and
/// not be in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verifier_free(verifier: *mut HooksealVerifier) {
    if !verifier.is_null() {
        drop(Box::from_raw(verifier));
    }
}

/// How many header names the verifier reads (`Verifier::header_names`), and so how many
/// values `hookseal_verify` and `hookseal_envelope` take: the names verification reads
/// (the core's `verify_header_count`), then the envelope's. At most
/// `HOOKSEAL_MAX_HEADER_NAMES`; 0 when `verifier` is NULL.
///
/// # Safety
/// `verifier` must be NULL or a live verifier.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verifier_header_name_count(
    verifier: *const HooksealVerifier,
) -> usize {
    verifier
        .as_ref()
        .map_or(0, |v| v.inner.header_names().len())
}

/// The lowercase name of header `index` (the signature header is 0): borrowed, valid
/// while the verifier lives, not NUL-terminated. `{NULL, 0}` when out of range.
///
/// # Safety
/// `verifier` must be NULL or a live verifier.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verifier_header_name(
    verifier: *const HooksealVerifier,
    index: usize,
) -> HooksealBytes {
    let name = verifier
        .as_ref()
        .and_then(|v| v.inner.header_names().get(index));
    match name {
        Some(n) => HooksealBytes {
            ptr: n.as_ptr(),
            len: n.len(),
        },
        None => HooksealBytes {
            ptr: std::ptr::null(),
            len: 0,
        },
    }
}

/// The largest body the verifier accepts, in bytes (0 when `verifier` is NULL).
///
/// # Safety
/// `verifier` must be NULL or a live verifier.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verifier_max_body(verifier: *const HooksealVerifier) -> usize {
    verifier.as_ref().map_or(0, |v| v.inner.max_body())
}

/// Verifies a delivery against the system clock. `values[i]` is the value of the header
/// `hookseal_verifier_header_name(verifier, i)` (NULL `ptr` when absent; a header sent
/// more than once is its values, each trimmed, joined with `", "` in order), and
/// `values_len` equals `hookseal_verifier_header_name_count(verifier)`. On success writes the
/// result to `verified_out` (nothing in it needs freeing).
///
/// Errors: the verification codes, the first check that fails in the order of
/// docs/schemes.md#order-of-checks.
///
/// # Safety
/// `verifier` must be a live verifier; `body` and every value valid for reads during
/// the call (nothing is kept); `verified_out` valid for a write; `error_out` NULL or
/// valid for a write (free the message with `hookseal_error_free`).
#[no_mangle]
pub unsafe extern "C" fn hookseal_verify(
    verifier: *const HooksealVerifier,
    body: *const u8,
    body_len: usize,
    values: *const HooksealBytes,
    values_len: usize,
    verified_out: *mut HooksealVerified,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    verify(
        verifier,
        body,
        body_len,
        values,
        values_len,
        None,
        verified_out,
        error_out,
    )
}

/// `hookseal_verify` as if the time were `now` (unix seconds): for tests and replays.
///
/// # Safety
/// As `hookseal_verify`.
#[no_mangle]
pub unsafe extern "C" fn hookseal_verify_at(
    verifier: *const HooksealVerifier,
    body: *const u8,
    body_len: usize,
    values: *const HooksealBytes,
    values_len: usize,
    now: i64,
    verified_out: *mut HooksealVerified,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    verify(
        verifier,
        body,
        body_len,
        values,
        values_len,
        Some(now),
        verified_out,
        error_out,
    )
}

#[allow(clippy::too_many_arguments)]
unsafe fn verify(
    verifier: *const HooksealVerifier,
    body: *const u8,
    body_len: usize,
    values: *const HooksealBytes,
    values_len: usize,
    now: Option<i64>,
    verified_out: *mut HooksealVerified,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let v = &(*required(verifier, "verifier")?).inner;
        required(verified_out, "verified_out")?;
        let body = slice(body, body_len, "body")?;
        let slots = Slots::new(v, values, values_len)?;
        let verified = match now {
            Some(now) => v.verify_at(&slots, body, now)?,
            None => v.verify(&slots, body)?,
        };
        let out = HooksealVerified {
            secret_index: verified.secret_index,
            timestamp: verified.timestamp.unwrap_or(0),
            has_timestamp: verified.timestamp.is_some(),
        };
        write_out(verified_out, out, "verified_out")
    })
}

/// `hookseal_verify` with its header values passed as separate `(ptr, len)` arguments,
/// one per `HOOKSEAL_MAX_HEADER_NAMES`, instead of an array: for bindings such as cgo,
/// where an array of pointers in the caller's memory costs a check per call and a pointer
/// argument costs nothing. `value_i` is the value of
/// `hookseal_verifier_header_name(verifier, i)` (NULL when the header is absent; slots
/// past the header name count must be NULL). `now` points to unix seconds, or is NULL
/// for the system clock.
///
/// # Safety
/// As `hookseal_verify`; `now` NULL or valid for a read.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_verify_values(
    verifier: *const HooksealVerifier,
    body: *const u8,
    body_len: usize,
    value0: *const u8,
    value0_len: usize,
    value1: *const u8,
    value1_len: usize,
    value2: *const u8,
    value2_len: usize,
    now: *const i64,
    verified_out: *mut HooksealVerified,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    // One argument pair per header name the core may read: a core that reads more
    // fails to build here until this signature grows with it.
    let slots: [HooksealBytes; HOOKSEAL_MAX_HEADER_NAMES] = [
        (value0, value0_len),
        (value1, value1_len),
        (value2, value2_len),
    ]
    .map(|(ptr, len)| HooksealBytes { ptr, len });
    let count = hookseal_verifier_header_name_count(verifier).min(slots.len());
    if slots[count..].iter().any(|s| !s.ptr.is_null()) {
        return landing_pad(error_out, || {
            Err(FfiError::argument(
                "a header value was given past the verifier's header name count",
            ))
        });
    }
    let now = now.as_ref().copied();
    verify(
        verifier,
        body,
        body_len,
        slots.as_ptr(),
        count,
        now,
        verified_out,
        error_out,
    )
}

/// The envelope of a delivery `hookseal_verify` accepted, from the same body and header
/// values: call it only when the kind, event id, tenant or idempotency key is wanted, so
/// that verification itself never parses JSON. It verifies nothing.
///
/// # Safety
/// As `hookseal_verify`; on success `envelope_out` owns strings the caller frees with
/// `hookseal_envelope_free`.
#[no_mangle]
pub unsafe extern "C" fn hookseal_envelope(
    verifier: *const HooksealVerifier,
    body: *const u8,
    body_len: usize,
    values: *const HooksealBytes,
    values_len: usize,
    envelope_out: *mut HooksealEnvelope,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let v = &(*required(verifier, "verifier")?).inner;
        required(envelope_out, "envelope_out")?;
        let body = slice(body, body_len, "body")?;
        let slots = Slots::new(v, values, values_len)?;
        let env = v.envelope(&slots, body);
        let out = HooksealEnvelope {
            kind: HooksealString::from_option(env.kind),
            event_id: HooksealString::from_option(env.event_id),
            event_id_signed: env.event_id_signed,
            tenant: HooksealString::from_option(env.tenant),
            idempotency_key: HooksealString::new(env.idempotency_key.as_bytes()),
        };
        write_out(envelope_out, out, "envelope_out")
    })
}

/// Frees the strings of an envelope and leaves them absent. NULL does nothing; freeing
/// twice is harmless.
///
/// # Safety
/// `envelope` must be NULL or filled by `hookseal_envelope` (or already freed by this).
#[no_mangle]
pub unsafe extern "C" fn hookseal_envelope_free(envelope: *mut HooksealEnvelope) {
    if let Some(env) = envelope.as_mut() {
        env.kind.release();
        env.event_id.release();
        env.tenant.release();
        env.idempotency_key.release();
    }
}

/// Why a delivery verifies or not (`hookseal::Verifier::explain_at`): writes to
/// `json_out` (freed with `hookseal_string_free`) one line of JSON,
/// `{"ok":bool,"code":null|"<error code>","message":"…","findings":[{"code":"…","message":"…"}]}`,
/// the finding codes of docs/explain.md. For development: a receiver that answers it to
/// anyone is a signing oracle (SECURITY.md). `headers` are all the request's headers
/// (a finding may name a header of another scheme; a name sent twice is joined by the
/// header rule), not only the verifier's; `now` points to unix seconds, or is NULL for
/// the system clock.
///
/// Errors: only the ABI's own (`HOOKSEAL_INVALID_ARGUMENT`): a rejected delivery is an
/// explanation, not an error.
///
/// # Safety
/// `verifier` must be a live verifier; `headers` NULL (with `headers_len` 0) or valid for
/// `headers_len` headers whose bytes are valid during the call; `body` valid for reads;
/// `now` NULL or valid for a read; `json_out` valid for a write; `error_out` NULL or
/// valid for a write.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn hookseal_explain(
    verifier: *const HooksealVerifier,
    headers: *const HooksealHeader,
    headers_len: usize,
    body: *const u8,
    body_len: usize,
    now: *const i64,
    json_out: *mut HooksealString,
    error_out: *mut *mut c_char,
) -> HooksealStatus {
    landing_pad(error_out, || {
        let v = &(*required(verifier, "verifier")?).inner;
        required(json_out, "json_out")?;
        let body = slice(body, body_len, "body")?;
        let mut pairs: Vec<(&str, &[u8])> = Vec::with_capacity(headers_len);
        for h in slice(headers, headers_len, "headers")? {
            let value = h.value.as_slice("header value")?;
            // A name that is not UTF-8 is no header any scheme reads.
            if let Some(name) = h.name.as_str("header name")? {
                pairs.push((name, value));
            }
        }
        let why = match now.as_ref() {
            Some(&now) => v.explain_at(pairs.as_slice(), body, now),
            None => v.explain(pairs.as_slice(), body),
        };
        let out = HooksealString::new(why.to_json().as_bytes());
        write_out(json_out, out, "json_out")
    })
}
