//! Header values from the JVM.
//!
//! Servlet containers and `java.net.http` hand header values over as `String`s decoded
//! from the wire as ISO-8859-1, one character per byte; the core's `wire_bytes` turns
//! them back into those bytes. Repeated headers arrive as repeated pairs and the core
//! joins them (its `Headers` rule), so the JVM side never joins or trims.

use std::borrow::Cow;

/// One header line: its name (any case) and its value as the stack decoded it.
#[derive(Clone, uniffi::Record)]
pub struct Header {
    /// The header name.
    pub name: String,
    /// The header value.
    pub value: String,
}

/// The pairs as the core reads them: names as given, values as their wire bytes.
pub fn pairs(headers: &[Header]) -> Vec<(&str, Cow<'_, [u8]>)> {
    headers
        .iter()
        .map(|h| (h.name.as_str(), hookseal::wire_bytes(&h.value)))
        .collect()
}
