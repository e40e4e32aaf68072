//! The hot path: `verify` and `envelope` as raw Node-API functions bound to one
//! verifier, which each owns (an `Arc`) until it is garbage-collected.
//!
//! Why not `#[napi]` functions: napi-rs converts each argument through generic code
//! (an array of strings is a `Vec<Option<String>>`: two Node-API calls and an
//! allocation per value) inside a per-call borrow scope, and builds a returned object
//! property by property. At 1 KiB that cost as much as the HMAC itself for `verify`,
//! and three times the core's work for `envelope`. Here a call is one `napi_get_cb_info`
//! (which also hands back the verifier, bound as the function's data), one
//! `napi_get_typedarray_info` per array, and one `napi_get_value_string_utf8` per header
//! value, copied onto the stack and turned back into its wire bytes (`wire_bytes`).
//! It still only translates: the rules are the core's.
//!
//! # The protocol (its one definition; `npm/binding.cjs` is the other half)
//!
//! Both functions take the header values as trailing arguments, in `headerNames()`
//! order, each a string or `null`/`undefined` when absent; at most [`MAX_VALUES`] are
//! read (the addon exports it as `MAX_HEADER_NAMES`), and missing ones are absent.
//!
//! `verify(body: Uint8Array, now: number | undefined, out: Float64Array(2), ...values)`
//! reads the values of the first `verify_header_count()` names. It returns `undefined`
//! and writes into `out`:
//!
//! | `out[i]` | field |
//! |---|---|
//! | 0 | `timestamp`, or `NaN` when none was signed (`null` in JS) |
//! | 1 | `secretIndex` |
//!
//! or throws the core's error (`error.rs`).
//!
//! `envelope(body: Uint8Array, out: Float64Array(4), ...values)` reads the values of
//! every name. It returns one string, the text fields back to back in this order:
//! `kind`, `eventId`, `tenant`, `idempotencyKey`, and writes into `out`:
//!
//! | `out[i]` | field |
//! |---|---|
//! | 0 | the length of `kind`, or -1 when it is absent (`null` in JS) |
//! | 1 | the length of `eventId`, or -1 |
//! | 2 | the length of `tenant`, or -1 |
//! | 3 | `eventIdSigned`: 1 or 0 |
//!
//! Lengths count UTF-16 code units (what `String.prototype.slice` counts); the key,
//! always present, is the rest of the string. An argument of the wrong type is a
//! `TypeError`. `npm/test/protocol.test.js` round-trips every field, present and absent.

use crate::error::{landing_pad, Thrown};
use hookseal::{Headers, Verifier};
use napi::sys;
use std::borrow::Cow;
use std::ffi::c_void;
use std::mem::MaybeUninit;
use std::ptr;
use std::slice;
use std::sync::Arc;

/// The most header values a call takes: the most header names any verifier reads
/// (signature, timestamp, id, or the signature and two envelope headers).
const MAX_VALUES: usize = hookseal::MAX_HEADER_NAMES;
/// Header values up to this length are copied onto the stack; longer ones (a Stripe
/// header with many signatures) onto the heap.
const STACK: usize = 256;

/// A new JS function `verify` bound to `verifier`.
pub fn verify_function(
    env: sys::napi_env,
    verifier: Arc<Verifier>,
) -> napi::Result<sys::napi_value> {
    bind(env, verifier, "verify", verify_call)
}

/// A new JS function `envelope` bound to `verifier`.
pub fn envelope_function(
    env: sys::napi_env,
    verifier: Arc<Verifier>,
) -> napi::Result<sys::napi_value> {
    bind(env, verifier, "envelope", envelope_call)
}

type Callback = unsafe extern "C" fn(sys::napi_env, sys::napi_callback_info) -> sys::napi_value;

fn bind(
    env: sys::napi_env,
    verifier: Arc<Verifier>,
    name: &str,
    cb: Callback,
) -> napi::Result<sys::napi_value> {
    if verifier.header_names().len() > MAX_VALUES {
        return Err(napi::Error::from_reason(
            "the verifier reads more headers than the binding passes",
        ));
    }
    let data = Arc::into_raw(verifier) as *mut c_void;
    let mut function = ptr::null_mut();
    // SAFETY: `env` is the live environment of the calling `#[napi]` function; `data`
    // stays valid until `release` runs, which Node calls once, after the last call.
    unsafe {
        let created = sys::napi_create_function(
            env,
            name.as_ptr().cast(),
            name.len() as isize,
            Some(cb),
            data,
            &mut function,
        ) == sys::Status::napi_ok
            && sys::napi_add_finalizer(
                env,
                function,
                data,
                Some(release),
                ptr::null_mut(),
                ptr::null_mut(),
            ) == sys::Status::napi_ok;
        if !created {
            release(env, data, ptr::null_mut());
            return Err(napi::Error::from_reason(format!(
                "could not create the {name} function"
            )));
        }
    }
    Ok(function)
}

unsafe extern "C" fn release(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    // SAFETY: `data` came from `Arc::into_raw` in `bind`, and is released only here.
    drop(unsafe { Arc::from_raw(data as *const Verifier) });
}

unsafe extern "C" fn verify_call(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: Node calls this with the live `env` and `info` of this call.
    unsafe { landing_pad(env, || verify(env, info)) }
}

unsafe extern "C" fn envelope_call(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    // SAFETY: as above.
    unsafe { landing_pad(env, || envelope(env, info)) }
}

// SAFETY (both functions): the values read are this call's arguments, alive until it
// returns, and nothing runs JavaScript or allocates on the JS heap while the body is
// borrowed, so its memory stays put.

unsafe fn verify(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> Result<sys::napi_value, Thrown> {
    const FIXED: usize = 3; // body, now, out
    let (verifier, argv) = unsafe { args::<{ FIXED + MAX_VALUES }>(env, info) }?;
    let body = unsafe { body(env, argv[0]) }?;
    let out = unsafe { typed_array(env, argv[2], sys::TypedarrayType::float64_array) }
        .filter(|o| o.len >= 2)
        .ok_or(Thrown::Type("out must be a Float64Array of length 2"))?;
    let mut now = 0f64;
    let now = match unsafe { sys::napi_get_value_double(env, argv[1], &mut now) } {
        sys::Status::napi_ok => Some(now),
        _ if unsafe { is_nullish(env, argv[1]) } => None,
        _ => return Err(Thrown::Type("now must be a number or undefined")),
    };
    let mut copies = Copies::new();
    let headers = unsafe {
        copies.values(
            env,
            verifier,
            &argv[FIXED..],
            verifier.verify_header_count(),
        )
    }?;
    let verified = match now {
        // `as` saturates: a far-off `now` is then simply out of tolerance.
        Some(now) => verifier.verify_at(&headers, body, now as i64),
        None => verifier.verify(&headers, body),
    }?;
    let timestamp = verified.timestamp.map_or(f64::NAN, |t| t as f64);
    let index = verified.secret_index as f64;
    // Written through the pointer, after the last use of `body`, which a caller could
    // have laid over the same ArrayBuffer.
    // SAFETY: `out` holds at least two f64s (checked above).
    unsafe {
        let out = out.data.cast::<f64>();
        out.write_unaligned(timestamp);
        out.add(1).write_unaligned(index);
    }
    Ok(ptr::null_mut())
}

unsafe fn envelope(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> Result<sys::napi_value, Thrown> {
    const FIXED: usize = 2; // body, out
    let (verifier, argv) = unsafe { args::<{ FIXED + MAX_VALUES }>(env, info) }?;
    let body = unsafe { body(env, argv[0]) }?;
    let out = unsafe { typed_array(env, argv[1], sys::TypedarrayType::float64_array) }
        .filter(|o| o.len >= 4)
        .ok_or(Thrown::Type("out must be a Float64Array of length 4"))?;
    let mut copies = Copies::new();
    let headers =
        unsafe { copies.values(env, verifier, &argv[FIXED..], verifier.header_names().len()) }?;
    let e = verifier.envelope(&headers, body);
    // One JS string for all the text: Node-API builds arrays and objects element by
    // element, which cost more than the envelope itself. The lengths are in UTF-16 code
    // units, what String.prototype.slice counts.
    let text = [
        e.kind.as_deref(),
        e.event_id.as_deref(),
        e.tenant.as_deref(),
    ];
    let size = text.iter().flatten().map(|s| s.len()).sum::<usize>() + e.idempotency_key.len();
    let mut joined = String::with_capacity(size);
    let mut lengths = [-1f64; 3];
    for (length, field) in lengths.iter_mut().zip(text) {
        if let Some(s) = field {
            joined.push_str(s);
            *length = utf16_len(s) as f64;
        }
    }
    joined.push_str(&e.idempotency_key);
    let mut value = ptr::null_mut();
    // SAFETY: `joined` is valid UTF-8 of `joined.len()` bytes; `env` is live.
    ok(unsafe {
        sys::napi_create_string_utf8(
            env,
            joined.as_ptr().cast(),
            joined.len() as isize,
            &mut value,
        )
    })?;
    // SAFETY: `out` holds at least four f64s (checked above); `body` is no longer used.
    unsafe {
        let out = out.data.cast::<f64>();
        for (i, length) in lengths.into_iter().enumerate() {
            out.add(i).write_unaligned(length);
        }
        out.add(3)
            .write_unaligned(if e.event_id_signed { 1.0 } else { 0.0 });
    }
    Ok(value)
}

fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// The bound verifier and the call's arguments (missing ones are `undefined`).
unsafe fn args<'v, const N: usize>(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> Result<(&'v Verifier, [sys::napi_value; N]), Thrown> {
    let mut argc = N;
    let mut argv = [ptr::null_mut(); N];
    let mut data = ptr::null_mut();
    // SAFETY: `argv` has room for `argc` values; Node fills missing ones with undefined.
    ok(unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            ptr::null_mut(),
            &mut data,
        )
    })?;
    // SAFETY: `data` is the `Arc<Verifier>` of `bind`, alive while the function is.
    Ok((unsafe { &*(data as *const Verifier) }, argv))
}

/// The body's bytes.
unsafe fn body<'a>(env: sys::napi_env, value: sys::napi_value) -> Result<&'a [u8], Thrown> {
    let array = unsafe { typed_array(env, value, sys::TypedarrayType::uint8_array) }
        .ok_or(Thrown::Type("body must be a Uint8Array"))?;
    if array.len == 0 || array.data.is_null() {
        return Ok(&[]);
    }
    // SAFETY: Node reports `len` bytes at `data`, alive for the call; nothing writes them.
    Ok(unsafe { slice::from_raw_parts(array.data.cast::<u8>(), array.len) })
}

/// A typed array's elements: `len` of them at `data` (already offset into its
/// ArrayBuffer), which the argument keeps alive for the call.
struct TypedArray {
    data: *mut c_void,
    len: usize,
}

/// The typed array of type `kind` that `value` is, or `None` when it is not one.
unsafe fn typed_array(env: sys::napi_env, value: sys::napi_value, kind: i32) -> Option<TypedArray> {
    let (mut ty, mut len, mut data) = (-1, 0usize, ptr::null_mut());
    // SAFETY: out-pointers are locals; `value` is a live argument.
    let status = unsafe {
        sys::napi_get_typedarray_info(
            env,
            value,
            &mut ty,
            &mut len,
            &mut data,
            ptr::null_mut(),
            ptr::null_mut(),
        )
    };
    (status == sys::Status::napi_ok && ty == kind).then_some(TypedArray { data, len })
}

/// Room for the copies of a call's header values.
struct Copies {
    stack: [[MaybeUninit<u8>; STACK]; MAX_VALUES],
    heap: [Vec<u8>; MAX_VALUES],
}

impl Copies {
    fn new() -> Copies {
        Copies {
            stack: [[MaybeUninit::uninit(); STACK]; MAX_VALUES],
            heap: Default::default(),
        }
    }

    /// The first `count` header values of `argv`, looked up by the verifier's names.
    unsafe fn values<'c>(
        &'c mut self,
        env: sys::napi_env,
        verifier: &'c Verifier,
        argv: &[sys::napi_value],
        count: usize,
    ) -> Result<Values<'c>, Thrown> {
        let mut values = [None; MAX_VALUES];
        let slots = self.stack.iter_mut().zip(&mut self.heap);
        for (i, (stack, heap)) in slots.enumerate().take(count) {
            values[i] = unsafe { string(env, argv[i], stack, heap) }?;
        }
        Ok(Values {
            names: &verifier.header_names()[..count],
            values,
        })
    }
}

/// The header values the JS layer passed, looked up by the verifier's own names.
struct Values<'a> {
    names: &'a [String],
    values: [Option<&'a [u8]>; MAX_VALUES],
}

// One value per name: the JS layer has already joined repeats (`docs/schemes.md`).
impl Headers for Values<'_> {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        let i = self.names.iter().position(|n| n == name)?;
        self.values[i].map(Cow::Borrowed)
    }
}

/// A header value as the bytes that were on the wire (see [`wire_bytes`]), or `None` for
/// null/undefined (absent).
unsafe fn string<'b>(
    env: sys::napi_env,
    value: sys::napi_value,
    stack: &'b mut [MaybeUninit<u8>; STACK],
    heap: &'b mut Vec<u8>,
) -> Result<Option<&'b [u8]>, Thrown> {
    let mut len = 0usize;
    // SAFETY: `stack` has room for STACK bytes, the NUL included.
    match unsafe {
        sys::napi_get_value_string_utf8(env, value, stack.as_mut_ptr().cast(), STACK, &mut len)
    } {
        sys::Status::napi_ok => {}
        _ if unsafe { is_nullish(env, value) } => return Ok(None),
        _ => return Err(Thrown::Type("header values must be strings or null")),
    }
    // Node stops short of the buffer's end at a character boundary, so a value cut
    // there leaves up to 3 bytes unused: only a shorter one is surely whole.
    let copied = len;
    if copied + 4 < STACK - 1 {
        // SAFETY: Node wrote `len` bytes (and a NUL) at the start of `stack`.
        let text = unsafe { slice::from_raw_parts_mut(stack.as_mut_ptr().cast::<u8>(), copied) };
        return Ok(Some(wire_bytes(text)));
    }
    // SAFETY: a null buffer asks for the length only; `heap` then has room for it all.
    unsafe {
        ok(sys::napi_get_value_string_utf8(
            env,
            value,
            ptr::null_mut(),
            0,
            &mut len,
        ))?;
        if len == copied {
            let text = slice::from_raw_parts_mut(stack.as_mut_ptr().cast::<u8>(), copied);
            return Ok(Some(wire_bytes(text)));
        }
        heap.resize(len + 1, 0);
        ok(sys::napi_get_value_string_utf8(
            env,
            value,
            heap.as_mut_ptr().cast(),
            len + 1,
            &mut len,
        ))?;
    }
    Ok(Some(wire_bytes(&mut heap[..len])))
}

/// The wire bytes of a header value, from its UTF-8 `text` (rewritten in place, since
/// they are never longer): the core's rule, [`hookseal::wire_bytes`].
fn wire_bytes(text: &mut [u8]) -> &[u8] {
    let owned = match std::str::from_utf8(text).map(hookseal::wire_bytes) {
        Ok(Cow::Owned(bytes)) => bytes,
        // ASCII or UTF-8 kept as it is (or not UTF-8 at all, which Node never hands over).
        _ => return text,
    };
    text[..owned.len()].copy_from_slice(&owned);
    &text[..owned.len()]
}

unsafe fn is_nullish(env: sys::napi_env, value: sys::napi_value) -> bool {
    let mut ty = -1;
    // SAFETY: `value` is a live argument.
    let status = unsafe { sys::napi_typeof(env, value, &mut ty) };
    status == sys::Status::napi_ok
        && (ty == sys::ValueType::napi_null || ty == sys::ValueType::napi_undefined)
}

fn ok(status: sys::napi_status) -> Result<(), Thrown> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(Thrown::Napi)
    }
}
