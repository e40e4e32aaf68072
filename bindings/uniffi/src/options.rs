//! Options: names and values alternating, every pair parsed by the core's
//! `Options::set` (through `Options::from_flat`), so a mistake is the same
//! `invalid_option` with the same message as in every runtime.

use crate::error::NativeError;

/// The core's options from `[name, value, name, value, …]`.
pub fn from_flat(flat: &[String]) -> Result<hookseal::Options, NativeError> {
    Ok(hookseal::Options::from_flat(flat)?)
}

/// A scheme id (`unknown_scheme` when the core does not know it).
pub fn scheme(id: &str) -> Result<hookseal::Scheme, NativeError> {
    Ok(id.parse()?)
}
