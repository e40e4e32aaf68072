//! The verifications hookseal is measured against, written the way a careful user would.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// `sha256=<64 hex>` to the 32 bytes it names, as a careful snippet decodes it.
fn decode_header(header: &str) -> Option<[u8; 32]> {
    let hex = header.strip_prefix("sha256=")?;
    if hex.len() != 64 {
        return None;
    }
    let mut sig = [0u8; 32];
    for (i, out) in sig.iter_mut().enumerate() {
        *out = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(sig)
}

/// The hand-written SalesLab check with the RustCrypto crates hookseal itself uses:
/// decode the header, HMAC the body, compare in constant time. The key is set up per
/// call, as a snippet in a handler does.
pub fn hand_written(secret: &[u8], header: &str, body: &[u8]) -> bool {
    let Some(sig) = decode_header(header) else {
        return false;
    };
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).expect("any key length");
    mac.update(body);
    let out: [u8; 32] = mac.finalize().into_bytes().into();
    out.ct_eq(&sig).into()
}

/// `ring`'s one-shot verify with a precomputed key: the fastest HMAC a Rust user can
/// reach for.
pub fn ring_verify(key: &ring::hmac::Key, header: &str, body: &[u8]) -> bool {
    decode_header(header).is_some_and(|sig| ring::hmac::verify(key, body, &sig).is_ok())
}
