//! The one place errors are mapped: the core's `ErrorCode` table becomes the numbered
//! `HooksealStatus` of the C ABI, and every failure carries its message out of the call.

use hookseal::{Error, ErrorCode};
use std::any::Any;
use std::ffi::{c_char, CString};

/// What a call returns: `HOOKSEAL_OK` (0), or one value per error code of the core (the
/// core's `ErrorCode as u32`, 1 to 12), or one of two values of the C ABI itself.
///
/// The snake_case code of a status is `hookseal_status_code`, its HTTP status
/// `hookseal_status_http`: runtimes build their error types from these, not from a copy.
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum HooksealStatus {
    /// Success.
    HOOKSEAL_OK = 0,
    /// payload_too_large: the body is longer than max_body.
    HOOKSEAL_PAYLOAD_TOO_LARGE = 1,
    /// missing_signature: the signature (or token, or signed id) header is absent or empty.
    HOOKSEAL_MISSING_SIGNATURE = 2,
    /// malformed_signature: the signature header is not in the scheme's format.
    HOOKSEAL_MALFORMED_SIGNATURE = 3,
    /// missing_timestamp: a timestamped scheme's timestamp is absent.
    HOOKSEAL_MISSING_TIMESTAMP = 4,
    /// malformed_timestamp: the timestamp is not 1 to 19 ASCII digits.
    HOOKSEAL_MALFORMED_TIMESTAMP = 5,
    /// timestamp_too_old: older than the tolerance allows.
    HOOKSEAL_TIMESTAMP_TOO_OLD = 6,
    /// timestamp_too_new: further in the future than the tolerance allows.
    HOOKSEAL_TIMESTAMP_TOO_NEW = 7,
    /// signature_mismatch: no configured secret matches.
    HOOKSEAL_SIGNATURE_MISMATCH = 8,
    /// invalid_secret: no secret, or an empty or undecodable one.
    HOOKSEAL_INVALID_SECRET = 9,
    /// unknown_scheme: the scheme id is not known.
    HOOKSEAL_UNKNOWN_SCHEME = 10,
    /// invalid_option: an option the scheme does not take, or an invalid value.
    HOOKSEAL_INVALID_OPTION = 11,
    /// invalid_payload: the delivery is genuine but its payload does not match the
    /// provider's documented schema.
    HOOKSEAL_INVALID_PAYLOAD = 12,
    /// The C caller broke a rule of the ABI: a NULL where a pointer is required, a NULL
    /// pointer with a non-zero length, a wrong number of header values. Not a webhook error.
    HOOKSEAL_INVALID_ARGUMENT = 254,
    /// A bug in hookseal, caught at the boundary instead of crashing the process.
    HOOKSEAL_INTERNAL = 255,
}

impl HooksealStatus {
    /// The status of a core error code; a code added to the core later and not yet
    /// mapped here is `HOOKSEAL_INTERNAL` (a test keeps the table complete).
    pub(crate) fn from_code(code: ErrorCode) -> HooksealStatus {
        use HooksealStatus::*;
        match code {
            ErrorCode::PayloadTooLarge => HOOKSEAL_PAYLOAD_TOO_LARGE,
            ErrorCode::MissingSignature => HOOKSEAL_MISSING_SIGNATURE,
            ErrorCode::MalformedSignature => HOOKSEAL_MALFORMED_SIGNATURE,
            ErrorCode::MissingTimestamp => HOOKSEAL_MISSING_TIMESTAMP,
            ErrorCode::MalformedTimestamp => HOOKSEAL_MALFORMED_TIMESTAMP,
            ErrorCode::TimestampTooOld => HOOKSEAL_TIMESTAMP_TOO_OLD,
            ErrorCode::TimestampTooNew => HOOKSEAL_TIMESTAMP_TOO_NEW,
            ErrorCode::SignatureMismatch => HOOKSEAL_SIGNATURE_MISMATCH,
            ErrorCode::InvalidSecret => HOOKSEAL_INVALID_SECRET,
            ErrorCode::UnknownScheme => HOOKSEAL_UNKNOWN_SCHEME,
            ErrorCode::InvalidOption => HOOKSEAL_INVALID_OPTION,
            ErrorCode::InvalidPayload => HOOKSEAL_INVALID_PAYLOAD,
            _ => HOOKSEAL_INTERNAL,
        }
    }
}

/// A failed call: its status and a message for humans (never a secret).
#[derive(Debug)]
pub(crate) struct FfiError {
    pub status: HooksealStatus,
    pub message: String,
}

impl FfiError {
    /// A broken ABI rule, named after the argument.
    pub fn argument(message: impl Into<String>) -> FfiError {
        FfiError {
            status: HooksealStatus::HOOKSEAL_INVALID_ARGUMENT,
            message: message.into(),
        }
    }

    /// A core error code with a message of the binding's own.
    pub fn code(code: ErrorCode, message: impl Into<String>) -> FfiError {
        FfiError::from(Error::new(code, message))
    }

    /// A panic caught at the boundary.
    pub fn panic(payload: Box<dyn Any + Send>) -> FfiError {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        FfiError {
            status: HooksealStatus::HOOKSEAL_INTERNAL,
            message: format!("internal error in hookseal: {what}"),
        }
    }

    /// The message as an owned C string, for `error_out`. A NUL inside is escaped so
    /// the whole message survives.
    pub fn into_c_message(self) -> *mut c_char {
        let text = self.message.replace('\0', "\\0");
        CString::new(text).map_or(std::ptr::null_mut(), CString::into_raw)
    }
}

impl From<Error> for FfiError {
    fn from(err: Error) -> FfiError {
        FfiError {
            status: HooksealStatus::from_code(err.code()),
            message: err.message().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_code_has_its_own_number() {
        for code in ErrorCode::ALL {
            let status = HooksealStatus::from_code(code);
            assert_ne!(status, HooksealStatus::HOOKSEAL_INTERNAL, "{code} unmapped");
            assert_eq!(status as u32, code as u32, "{code}");
        }
    }

    #[test]
    fn a_nul_in_a_message_is_escaped() {
        let ptr = FfiError::argument("a\0b").into_c_message();
        let text = unsafe { CString::from_raw(ptr) };
        assert_eq!(text.to_str().unwrap(), "a\\0b");
    }
}
