//! The one place where core errors cross into the JVM.
//!
//! UniFFI's error is one flat variant carrying the core's code, status and message; the
//! JVM package turns it into the exception class of its code. Those classes are written
//! by `src/bin/kotlin-errors.rs` from [`hookseal::ErrorCode::ALL`], so no code is listed
//! by hand anywhere on the JVM side, and the table below is what its tests compare with.

use std::fmt;

/// A core error: its stable code, HTTP status and message (never a secret).
#[derive(Debug, uniffi::Error)]
pub enum NativeError {
    /// Every core error; the JVM package maps `code` to its exception class.
    Rejected {
        /// The snake_case code (`signature_mismatch`).
        code: String,
        /// The HTTP status a receiver answers with.
        status: u16,
        /// The core's message.
        reason: String,
        /// The signed timestamp (unix seconds) when the core read one before it
        /// refused the delivery (`timestamp_too_old`, `timestamp_too_new`).
        timestamp: Option<u64>,
    },
}

impl fmt::Display for NativeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let NativeError::Rejected { code, reason, .. } = self;
        write!(f, "{code}: {reason}")
    }
}

impl std::error::Error for NativeError {}

impl From<hookseal::Error> for NativeError {
    fn from(err: hookseal::Error) -> NativeError {
        let timestamp = match err.detail() {
            hookseal::Detail::Skew { timestamp, .. } => Some(*timestamp),
            _ => None,
        };
        NativeError::Rejected {
            code: err.code().as_str().to_owned(),
            status: err.http_status(),
            reason: err.message().to_owned(),
            timestamp,
        }
    }
}

/// One row of the core's error table.
#[derive(uniffi::Record)]
pub struct ErrorCodeRow {
    /// The snake_case code.
    pub code: String,
    /// Its HTTP status.
    pub status: u16,
}

/// The core's error table (`hookseal::ErrorCode::ALL`), in order.
#[uniffi::export]
pub fn error_codes() -> Vec<ErrorCodeRow> {
    hookseal::ErrorCode::ALL
        .iter()
        .map(|c| ErrorCodeRow {
            code: c.as_str().to_owned(),
            status: c.http_status(),
        })
        .collect()
}
