//! The verifications hookseal is measured against, written the way a careful user would.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The hand-written SalesLab check with the RustCrypto crates hookseal itself uses:
/// strip `sha256=`, hex-decode, HMAC the body, compare in constant time. The key is
/// set up per call, as a snippet in a handler does.
pub fn hand_written(secret: &[u8], header: &str, body: &[u8]) -> bool {
    let Some(hex) = header.strip_prefix("sha256=") else {
        return false;
    };
    let mut sig = [0u8; 32];
    if hex.len() != 64 {
        return false;
    }
    for (i, out) in sig.iter_mut().enumerate() {
        match u8::from_str_radix(&hex[2 * i..2 * i + 2], 16) {
            Ok(b) => *out = b,
            Err(_) => return false,
        }
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
    mac.update(body);
    let out: [u8; 32] = mac.finalize().into_bytes().into();
    out.ct_eq(&sig).into()
}

/// `ring`'s one-shot verify with a precomputed key: the fastest HMAC a Rust user can
/// reach for. Given the decoded digest, as hookseal is given the header.
pub fn ring_verify(key: &ring::hmac::Key, header: &str, body: &[u8]) -> bool {
    let Some(hex) = header.strip_prefix("sha256=") else {
        return false;
    };
    let mut sig = [0u8; 32];
    if hex.len() != 64 {
        return false;
    }
    for (i, out) in sig.iter_mut().enumerate() {
        match u8::from_str_radix(&hex[2 * i..2 * i + 2], 16) {
            Ok(b) => *out = b,
            Err(_) => return false,
        }
    }
    ring::hmac::verify(key, body, &sig).is_ok()
}
