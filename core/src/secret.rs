//! Secrets turned into key state once, at construction. Never printed.

use crate::codec::{base64_decode, Digest};
use crate::error::{err, Error, ErrorCode};
use crate::options::Format;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest as _, Sha256};
use std::fmt;
use subtle::ConstantTimeEq;

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// One configured secret, ready to use.
#[derive(Clone)]
pub(crate) enum Key {
    /// HMAC state with the key pads already absorbed: each verification clones it.
    Hmac(HmacSha256),
    /// SHA-256 of a shared token: tokens are compared as fixed-length digests, so a
    /// wrong-length token takes the same path as a wrong token of the right length.
    Token(Digest),
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key([redacted])")
    }
}

impl Key {
    pub(crate) fn new(format: &Format, secret: &[u8]) -> Result<Key, Error> {
        if secret.is_empty() {
            return err(ErrorCode::InvalidSecret, "a secret is empty");
        }
        match format {
            Format::Token { .. } => Ok(Key::Token(sha256(secret))),
            Format::StandardWebhooks => {
                let encoded = secret.strip_prefix(b"whsec_").unwrap_or(secret);
                match base64_decode(encoded) {
                    Some(key) if !key.is_empty() => Ok(Key::Hmac(hmac_key(&key))),
                    _ => err(
                        ErrorCode::InvalidSecret,
                        "a standard-webhooks secret must be base64 (after an optional whsec_ prefix)",
                    ),
                }
            }
            _ => Ok(Key::Hmac(hmac_key(secret))),
        }
    }

    /// Whether this key produced one of `sigs` over the parts of `content`, or (tokens)
    /// whether `token` is this key's token. Every comparison is constant-time.
    pub(crate) fn matches(&self, content: &[&[u8]], sigs: &[Digest], token: &[u8]) -> bool {
        match self {
            Key::Hmac(_) => {
                let out = self.mac(content).unwrap_or_default();
                let hits = sigs
                    .iter()
                    .fold(0u8, |hit, sig| hit | sig.ct_eq(&out).unwrap_u8());
                hits == 1
            }
            Key::Token(digest) => sha256(token).ct_eq(digest).into(),
        }
    }

    /// The HMAC of `content` under this key, for signing.
    pub(crate) fn mac(&self, content: &[&[u8]]) -> Option<Digest> {
        let Key::Hmac(state) = self else { return None };
        let mut mac = state.clone();
        for part in content {
            mac.update(part);
        }
        Some(mac.finalize().into_bytes().into())
    }
}

fn hmac_key(secret: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length (long ones are hashed first), so this cannot fail.
    <HmacSha256 as KeyInit>::new_from_slice(secret).unwrap_or_else(|_| unreachable!())
}

pub(crate) fn sha256(bytes: &[u8]) -> Digest {
    Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A presented token is hashed whatever its length and compared with the stored
    /// digest as two `[u8; 32]`: there is no length check that could return early, so a
    /// wrong-length token costs the same comparison as a wrong token of the right length.
    #[test]
    fn tokens_are_compared_as_fixed_length_digests() {
        let format = Format::Token {
            prefix: String::new(),
        };
        let key = Key::new(&format, b"tok_secret").unwrap();
        let Key::Token(stored) = &key else {
            panic!("a token key stores a digest")
        };
        assert_eq!(stored, &sha256(b"tok_secret"));
        let long = [b'x'; 4096];
        for wrong in [
            &b"t"[..],
            b"tok_secre",
            b"tok_secret!",
            b"TOK_SECRET",
            &long,
        ] {
            assert!(!key.matches(&[], &[], wrong), "{wrong:?} matched");
        }
        assert!(key.matches(&[], &[], b"tok_secret"));
    }

    #[test]
    fn keys_never_print_their_secret() {
        let format = Format::Prefixed {
            prefix: "sha256=".into(),
            encoding: crate::options::Encoding::Hex,
        };
        let key = Key::new(&format, b"whsec_do_not_print").unwrap();
        assert_eq!(format!("{key:?}"), "Key([redacted])");
    }
}
