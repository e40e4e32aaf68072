//! `verify` on the hot path: a raw Node-API function bound to one verifier.
//!
//! Why not a `#[napi]` function: napi-rs converts each argument through generic code
//! (an array of strings is a `Vec<Option<String>>`, two Node-API calls and an
//! allocation per value) inside a per-call borrow scope, and at 1 KiB that cost as
//! much as the HMAC itself. Here a call is one `napi_get_cb_info` (which also hands
//! back the verifier, bound as the function's data), one `napi_get_typedarray_info`
//! for the body and one for the result array, and one `napi_get_value_string_utf8`
//! per header value, copied onto the stack. It still only translates: the rules are
//! the core's `Verifier::verify_at`.
//!
//! JS signature: `verify(body: Uint8Array, now: number | undefined, out: Float64Array,
//! ...values: (string | null)[])`, the values of the first `verify_header_count()`
//! header names. It writes `[timestamp or NaN, secret index]` into `out` and returns
//! `undefined`, or throws (`error.rs`).

use crate::error::{landing_pad, Thrown};
use hookseal::{Headers, Verifier};
use napi::sys;
use std::ffi::c_void;
use std::mem::MaybeUninit;
use std::ptr;
use std::slice;
use std::sync::Arc;

/// The most header values `verify` reads (signature, timestamp, id).
const MAX_VALUES: usize = 3;
/// body, now, out, then the values.
const ARGS: usize = 3 + MAX_VALUES;
/// Header values up to this length are copied onto the stack; longer ones (a Stripe
/// header with many signatures) onto the heap.
const STACK: usize = 256;

/// A new JS function that verifies with `verifier`, which it owns until it is
/// garbage-collected.
pub fn bind(env: sys::napi_env, verifier: Arc<Verifier>) -> napi::Result<sys::napi_value> {
    if verifier.verify_header_count() > MAX_VALUES {
        return Err(napi::Error::from_reason(
            "verify reads more header values than bound",
        ));
    }
    let data = Arc::into_raw(verifier) as *mut c_void;
    let mut function = ptr::null_mut();
    let name = "verify";
    // SAFETY: `env` is the live environment of the calling `#[napi]` function; `data`
    // stays valid until `release` runs, which Node calls once, after the last call.
    unsafe {
        let created = sys::napi_create_function(
            env,
            name.as_ptr().cast(),
            name.len() as isize,
            Some(call),
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
            return Err(napi::Error::from_reason(
                "could not create the verify function",
            ));
        }
    }
    Ok(function)
}

unsafe extern "C" fn release(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    // SAFETY: `data` came from `Arc::into_raw` in `bind`, and is released only here.
    drop(unsafe { Arc::from_raw(data as *const Verifier) });
}

unsafe extern "C" fn call(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node calls this with the live `env` and `info` of this call.
    unsafe { landing_pad(env, || verify(env, info)) };
    ptr::null_mut()
}

unsafe fn verify(env: sys::napi_env, info: sys::napi_callback_info) -> Result<(), Thrown> {
    let mut argc = ARGS;
    let mut argv = [ptr::null_mut(); ARGS];
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
    // SAFETY: `data` is the `Arc<Verifier>` of `bind`, alive while this function is.
    let verifier = unsafe { &*(data as *const Verifier) };

    // SAFETY (all below): the values are this call's arguments, alive until it returns,
    // and nothing here runs JavaScript or allocates on the JS heap until the result is
    // written, so the body's and out's memory stays put.
    let body = unsafe { typed_array(env, argv[0], sys::TypedarrayType::uint8_array) }
        .ok_or(Thrown::Type("body must be a Uint8Array"))?;
    // SAFETY: a Uint8Array's elements are bytes.
    let body: &[u8] = unsafe { body.as_slice() };
    let out = unsafe { typed_array(env, argv[2], sys::TypedarrayType::float64_array) }
        .filter(|o| o.len >= 2)
        .ok_or(Thrown::Type("out must be a Float64Array of length 2"))?;
    let mut now = 0f64;
    let now = match unsafe { sys::napi_get_value_double(env, argv[1], &mut now) } {
        sys::Status::napi_ok => Some(now),
        _ if unsafe { is_nullish(env, argv[1]) } => None,
        _ => return Err(Thrown::Type("now must be a number or undefined")),
    };

    let count = verifier.verify_header_count();
    let mut stack = [[MaybeUninit::<u8>::uninit(); STACK]; MAX_VALUES];
    let mut heap: [Vec<u8>; MAX_VALUES] = Default::default();
    let mut values: [Option<&[u8]>; MAX_VALUES] = [None; MAX_VALUES];
    for (i, ((stack, heap), value)) in stack
        .iter_mut()
        .zip(&mut heap)
        .zip(&mut values)
        .enumerate()
        .take(count)
    {
        *value = unsafe { string(env, argv[3 + i], stack, heap) }?;
    }
    let headers = Values {
        names: &verifier.header_names()[..count],
        values: &values[..count],
    };
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
    Ok(())
}

/// The header values the JS layer passed, looked up by the verifier's own names.
struct Values<'a> {
    names: &'a [String],
    values: &'a [Option<&'a [u8]>],
}

impl Headers for Values<'_> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        let i = self.names.iter().position(|n| n == name)?;
        self.values[i]
    }
}

fn ok(status: sys::napi_status) -> Result<(), Thrown> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(Thrown::Napi)
    }
}

/// A typed array's elements: `len` of them at `data` (already offset into its
/// ArrayBuffer), which the argument keeps alive for the call.
struct TypedArray {
    data: *mut c_void,
    len: usize,
}

impl TypedArray {
    /// # Safety
    /// The elements must be bytes, and not be written while the slice lives.
    unsafe fn as_slice<'a>(&self) -> &'a [u8] {
        if self.len == 0 || self.data.is_null() {
            return &[];
        }
        // SAFETY: Node reports `len` elements at `data`; the caller vouches for the rest.
        unsafe { slice::from_raw_parts(self.data.cast::<u8>(), self.len) }
    }
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

/// A header value: its UTF-8 bytes, or `None` for null/undefined (absent).
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
        return Ok(Some(unsafe {
            slice::from_raw_parts(stack.as_ptr().cast::<u8>(), copied)
        }));
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
            return Ok(Some(slice::from_raw_parts(
                stack.as_ptr().cast::<u8>(),
                copied,
            )));
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
    Ok(Some(&heap[..len]))
}

unsafe fn is_nullish(env: sys::napi_env, value: sys::napi_value) -> bool {
    let mut ty = -1;
    // SAFETY: `value` is a live argument.
    let status = unsafe { sys::napi_typeof(env, value, &mut ty) };
    status == sys::Status::napi_ok
        && (ty == sys::ValueType::napi_null || ty == sys::ValueType::napi_undefined)
}
