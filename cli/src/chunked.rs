//! The chunked transfer coding's two rules (RFC 9112 §6.1, §7.1), for both sides:
//! `server.rs` reading a request, `http.rs` reading an answer.

/// Whether a `transfer-encoding` value ends with `chunked` (the coding that frames the body).
pub fn is_chunked(transfer_encoding: &str) -> bool {
    let last = transfer_encoding.rsplit(',').next().unwrap_or_default();
    last.trim().eq_ignore_ascii_case("chunked")
}

/// The size a chunk-size line declares (extensions after `;` ignored), or `None` when it
/// is not a hex number of at most 15 digits.
pub fn chunk_size(line: &[u8]) -> Option<usize> {
    let size = line.split(|&b| b == b';').next().unwrap_or_default();
    let size = std::str::from_utf8(size).ok()?.trim();
    if size.is_empty() || size.len() > 15 {
        return None;
    }
    usize::from_str_radix(size, 16).ok()
}
