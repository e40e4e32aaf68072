//! Options as name/value text pairs (the core's snake_case names), handed one by one to
//! the core's one parser, `Options::set`: the same mistake is the same `invalid_option`
//! and message here as in every runtime. Text keeps the ABI stable when the core grows
//! an option.

use crate::error::FfiError;
use crate::types::{slice, HooksealBytes, HooksealOption};
use hookseal::{ErrorCode, Options, Scheme};

/// The most header names a verifier reads (`hookseal::MAX_HEADER_NAMES`): a caller that
/// passes header values in a fixed array sizes it with this. cbindgen writes only a
/// literal into the header, so the number is spelled here and held to the core's at
/// compile time.
pub const HOOKSEAL_MAX_HEADER_NAMES: usize = 3;
const _: () = assert!(HOOKSEAL_MAX_HEADER_NAMES == hookseal::MAX_HEADER_NAMES);

/// The scheme of a scheme id; non-UTF-8 is simply an unknown scheme.
///
/// # Safety
/// `id` must be valid bytes (see [`HooksealBytes`]).
pub(crate) unsafe fn scheme(id: HooksealBytes) -> Result<Scheme, FfiError> {
    match id.as_str("scheme")? {
        Some(text) => Ok(text.parse::<Scheme>()?),
        None => Err(FfiError::code(
            ErrorCode::UnknownScheme,
            "the scheme id is not UTF-8",
        )),
    }
}

/// The core options of a list of pairs; a later pair with the same name wins. Only the
/// bytes are checked here (text that is not UTF-8 never reaches the core).
///
/// # Safety
/// `ptr` must be NULL (with `len` 0) or valid for `len` options whose bytes are valid.
pub(crate) unsafe fn parse(ptr: *const HooksealOption, len: usize) -> Result<Options, FfiError> {
    let mut opts = Options::default();
    for pair in slice(ptr, len, "options")? {
        let not_utf8 =
            |what: &str| FfiError::code(ErrorCode::InvalidOption, format!("{what} is not UTF-8"));
        let name = pair
            .name
            .as_str("option name")?
            .ok_or_else(|| not_utf8("an option name"))?;
        let value = pair
            .value
            .as_str("option value")?
            .ok_or_else(|| not_utf8("an option value"))?;
        opts.set(name, value)?;
    }
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use hookseal::Tolerance;

    fn bytes(s: &str) -> HooksealBytes {
        HooksealBytes {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    fn pair(name: &'static str, value: &'static str) -> HooksealOption {
        HooksealOption {
            name: bytes(name),
            value: bytes(value),
        }
    }

    #[test]
    fn scheme_ids_are_checked_text() {
        assert_eq!(unsafe { scheme(bytes("stripe")) }.unwrap(), Scheme::Stripe);
        let bad = HooksealBytes {
            ptr: [0xffu8].as_ptr(),
            len: 1,
        };
        let err = unsafe { scheme(bad) }.unwrap_err();
        assert_eq!(err.status as u32, ErrorCode::UnknownScheme as u32);
    }

    #[test]
    fn text_pairs_become_options() {
        let pairs = [
            pair("tolerance", "off"),
            pair("max_body", "10"),
            pair("header", "x-a"),
        ];
        let opts = unsafe { parse(pairs.as_ptr(), pairs.len()) }.unwrap();
        assert_eq!(opts.tolerance, Some(Tolerance::Off));
        assert_eq!(opts.max_body, Some(10));
        assert_eq!(opts.header.as_deref(), Some("x-a"));
    }

    #[test]
    fn a_bad_option_is_the_cores_error_and_message() {
        for (name, value) in [
            ("tolerence", "1"),
            ("max_body", "-1"),
            ("max_body", "0"),
            ("tolerance", "1.5"),
            ("encoding", "base32"),
        ] {
            let p = pair(name, value);
            let err = unsafe { parse(&p, 1) }.unwrap_err();
            let core = Options::default().set(name, value).unwrap_err();
            assert_eq!(err.status as u32, core.code() as u32, "{name}={value}");
            assert_eq!(err.message, core.message(), "{name}={value}");
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_an_invalid_option() {
        let p = HooksealOption {
            name: bytes("header"),
            value: HooksealBytes {
                ptr: [0xffu8].as_ptr(),
                len: 1,
            },
        };
        let err = unsafe { parse(&p, 1) }.unwrap_err();
        assert_eq!(err.status as u32, ErrorCode::InvalidOption as u32);
    }
}
