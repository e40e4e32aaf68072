//! Fixed-size digest encodings: hex and padded standard base64.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// A SHA-256 / HMAC-SHA256 digest.
pub(crate) type Digest = [u8; 32];

/// An Ed25519 signature (`R` and `S`, 32 bytes each).
pub(crate) type Ed25519Signature = [u8; 64];

/// Exactly 64 hex digits, either case.
pub(crate) fn hex_digest(s: &[u8]) -> Option<Digest> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (o, pair) in out.iter_mut().zip(s.chunks_exact(2)) {
        *o = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(out)
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Exactly 44 characters of padded standard base64 decoding to 32 bytes.
pub(crate) fn base64_digest(s: &[u8]) -> Option<Digest> {
    base64_exact(s)
}

/// Exactly 88 characters of padded standard base64 decoding to 64 bytes.
pub(crate) fn base64_signature(s: &[u8]) -> Option<Ed25519Signature> {
    base64_exact(s)
}

/// Exactly the padded standard base64 of `N` bytes (at most 64), decoded on the stack.
fn base64_exact<const N: usize>(s: &[u8]) -> Option<[u8; N]> {
    if N > 64 || s.len() != N.div_ceil(3) * 4 {
        return None;
    }
    let mut buf = [0u8; 66];
    match STANDARD.decode_slice(s, &mut buf) {
        Ok(n) if n == N => buf[..N].try_into().ok(),
        _ => None,
    }
}

pub(crate) fn base64_decode(s: &[u8]) -> Option<Vec<u8>> {
    STANDARD.decode(s).ok()
}

pub(crate) fn base64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

pub(crate) fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}
