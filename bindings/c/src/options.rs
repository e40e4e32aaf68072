//! Options as name/value text pairs (the vectors' snake_case names), turned into the
//! core's `Options`. Text keeps the ABI stable when the core grows an option.

use crate::error::FfiError;
use crate::types::{slice, HooksealBytes, HooksealOption};
use hookseal::{ErrorCode, Options, Scheme, Tolerance};

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

/// The core options of a list of pairs; a later pair with the same name wins.
///
/// # Safety
/// `ptr` must be NULL (with `len` 0) or valid for `len` options whose bytes are valid.
pub(crate) unsafe fn parse(ptr: *const HooksealOption, len: usize) -> Result<Options, FfiError> {
    let mut opts = Options::default();
    for pair in slice(ptr, len, "options")? {
        let name = pair.name.as_str("option name")?.unwrap_or("");
        let Some(value) = pair.value.as_str("option value")? else {
            return Err(invalid(format!(
                "the value of option {name:?} is not UTF-8"
            )));
        };
        apply(&mut opts, name, value)?;
    }
    Ok(opts)
}

fn apply(opts: &mut Options, name: &str, value: &str) -> Result<(), FfiError> {
    match name {
        "tolerance" => opts.tolerance = Some(value.parse::<Tolerance>()?),
        "max_body" => {
            let n = value.parse::<usize>().map_err(|_| {
                invalid(format!(
                    "max_body must be a whole number of bytes, not {value:?}"
                ))
            })?;
            opts.max_body = Some(n);
        }
        "header" => opts.header = Some(value.to_owned()),
        "prefix" => opts.prefix = Some(value.to_owned()),
        "encoding" => opts.encoding = Some(value.parse()?),
        "content" => opts.content = Some(value.parse()?),
        "timestamp_header" => opts.timestamp_header = Some(value.to_owned()),
        "id_header" => opts.id_header = Some(value.to_owned()),
        _ => return Err(invalid(format!("unknown option {name:?}"))),
    }
    Ok(())
}

fn invalid(message: String) -> FfiError {
    FfiError::code(ErrorCode::InvalidOption, message)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn unknown_names_and_bad_numbers_are_invalid_options() {
        for p in [
            pair("tolerence", "1"),
            pair("max_body", "-1"),
            pair("tolerance", "1.5"),
        ] {
            let err = unsafe { parse(&p, 1) }.unwrap_err();
            assert_eq!(err.status as u32, ErrorCode::InvalidOption as u32);
        }
    }
}
