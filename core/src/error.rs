//! The one error type, and the table of stable codes every runtime derives from.

use crate::options::Encoding;
use std::fmt;

/// A stable, machine-readable error code: the same snake_case string in every runtime.
///
/// The numeric value (`as u32`) is the status the C ABI returns (`0` is success, so the
/// codes start at 1). The order follows the order in which verification checks run.
///
/// ```
/// use hookseal::ErrorCode;
/// assert_eq!(ErrorCode::SignatureMismatch.as_str(), "signature_mismatch");
/// assert_eq!(ErrorCode::SignatureMismatch.http_status(), 401);
/// assert_eq!(ErrorCode::from_str_code("payload_too_large"), Some(ErrorCode::PayloadTooLarge));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(u32)]
pub enum ErrorCode {
    /// The body is longer than `max_body`.
    PayloadTooLarge = 1,
    /// The signature (or token) header is absent or empty.
    MissingSignature = 2,
    /// The signature header is not in the scheme's format.
    MalformedSignature = 3,
    /// A timestamped scheme's timestamp is absent.
    MissingTimestamp = 4,
    /// The timestamp is not 1–19 ASCII digits.
    MalformedTimestamp = 5,
    /// The timestamp is older than the tolerance allows.
    TimestampTooOld = 6,
    /// The timestamp is further in the future than the tolerance allows.
    TimestampTooNew = 7,
    /// No configured secret produced a matching signature.
    SignatureMismatch = 8,
    /// No secret, an empty one, or one that cannot be decoded.
    InvalidSecret = 9,
    /// The scheme id is not known.
    UnknownScheme = 10,
    /// An option is not taken by the scheme, or its value is invalid.
    InvalidOption = 11,
    /// The delivery is genuine (its signature verified) but its payload does not match
    /// the provider's documented schema for its kind (`core/events/`); checked only when
    /// a runtime is asked to validate.
    InvalidPayload = 12,
}

impl ErrorCode {
    /// Every code, in numeric order. Bindings build their error classes from this table.
    pub const ALL: [ErrorCode; 12] = [
        ErrorCode::PayloadTooLarge,
        ErrorCode::MissingSignature,
        ErrorCode::MalformedSignature,
        ErrorCode::MissingTimestamp,
        ErrorCode::MalformedTimestamp,
        ErrorCode::TimestampTooOld,
        ErrorCode::TimestampTooNew,
        ErrorCode::SignatureMismatch,
        ErrorCode::InvalidSecret,
        ErrorCode::UnknownScheme,
        ErrorCode::InvalidOption,
        ErrorCode::InvalidPayload,
    ];

    /// The stable snake_case code.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::MissingSignature => "missing_signature",
            ErrorCode::MalformedSignature => "malformed_signature",
            ErrorCode::MissingTimestamp => "missing_timestamp",
            ErrorCode::MalformedTimestamp => "malformed_timestamp",
            ErrorCode::TimestampTooOld => "timestamp_too_old",
            ErrorCode::TimestampTooNew => "timestamp_too_new",
            ErrorCode::SignatureMismatch => "signature_mismatch",
            ErrorCode::InvalidSecret => "invalid_secret",
            ErrorCode::UnknownScheme => "unknown_scheme",
            ErrorCode::InvalidOption => "invalid_option",
            ErrorCode::InvalidPayload => "invalid_payload",
        }
    }

    /// The code for a snake_case string, if it is one.
    pub fn from_str_code(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// The HTTP status a webhook receiver answers with: 413, 400 or 401. Construction
    /// errors are the server's own configuration mistakes: 500.
    pub const fn http_status(self) -> u16 {
        match self {
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::SignatureMismatch => 401,
            ErrorCode::MissingSignature
            | ErrorCode::MalformedSignature
            | ErrorCode::MissingTimestamp
            | ErrorCode::MalformedTimestamp
            | ErrorCode::TimestampTooOld
            | ErrorCode::TimestampTooNew
            | ErrorCode::InvalidPayload => 400,
            ErrorCode::InvalidSecret | ErrorCode::UnknownScheme | ErrorCode::InvalidOption => 500,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a webhook was rejected, or why a verifier could not be built.
///
/// The message never contains a secret. Match on [`Error::code`] for a stable answer.
///
/// ```
/// use hookseal::{Error, ErrorCode};
/// let err = Error::new(ErrorCode::MissingTimestamp, "header x-salesbooth-timestamp is missing");
/// assert_eq!(err.code(), ErrorCode::MissingTimestamp);
/// assert_eq!(err.to_string(), "missing_timestamp: header x-salesbooth-timestamp is missing");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: String,
    detail: Detail,
}

/// What the core found when it rejected a delivery, as data: a tool that explains a
/// rejection (the command line's `verify --explain`) reads it instead of parsing the
/// request again. Never holds a secret, a signature or a body byte.
///
/// ```
/// use hookseal::{Detail, Scheme, Verifier};
/// let v = Verifier::new(Scheme::SalesLab, &["s"]).unwrap();
/// let err = v.verify(&[("x-saleslab-signature", "sha256=abc")], b"{}").unwrap_err();
/// assert_eq!(
///     err.detail(),
///     &Detail::Digest { encoding: hookseal::Encoding::Hex, expected: 64, received: 3, in_alphabet: true },
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// Nothing beyond the message.
    #[default]
    None,
    /// `payload_too_large`: the body's length and the limit, in bytes.
    TooLarge {
        /// The body's length.
        size: usize,
        /// `max_body`.
        limit: usize,
    },
    /// `missing_signature` or `missing_timestamp`: the header that was absent, or present
    /// but empty.
    MissingHeader {
        /// Its lowercase name.
        header: String,
        /// Present, with an empty value.
        empty: bool,
    },
    /// `malformed_signature`: the value is not laid out as the scheme's format, which
    /// [`Verifier::signature_format`](crate::Verifier::signature_format) describes
    /// (`sha256=<hex>`).
    Format,
    /// `malformed_signature`: a digest of the wrong length or alphabet.
    Digest {
        /// The encoding the scheme expects.
        encoding: Encoding,
        /// The characters a whole digest has (64 hex digits, 44 base64 characters; 88 for a
        /// `v1a` signature).
        expected: usize,
        /// The characters received.
        received: usize,
        /// Whether every character received is of the encoding's alphabet: a short
        /// digest in the right alphabet was most likely cut.
        in_alphabet: bool,
    },
    /// `timestamp_too_old` or `timestamp_too_new`: the signed timestamp and the clock.
    Skew {
        /// The signed timestamp, unix seconds.
        timestamp: u64,
        /// The clock the delivery was checked against, unix seconds.
        now: i64,
        /// The tolerance, seconds.
        tolerance: u64,
    },
}

impl Error {
    /// An error with a code and a human message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Error {
        Error {
            code,
            message: message.into(),
            detail: Detail::None,
        }
    }

    /// The error with structured detail attached.
    pub fn with_detail(mut self, detail: Detail) -> Error {
        self.detail = detail;
        self
    }

    /// What the core found, as data ([`Detail::None`] when the message says it all).
    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The human message, without the code.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status a receiver should answer with.
    pub fn http_status(&self) -> u16 {
        self.code.http_status()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}

pub(crate) fn err<T>(code: ErrorCode, message: impl Into<String>) -> Result<T, Error> {
    Err(Error::new(code, message))
}
