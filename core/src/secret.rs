//! Secrets turned into key state once, at construction. Never printed.

use crate::codec::{base64_decode, Digest};
use crate::error::{err, Error, ErrorCode};
use crate::options::Format;
use crate::parse::Parsed;
use ed25519_dalek::ed25519::signature::MultipartSigner;
use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest as _, Sha256};
use std::cell::OnceCell;
use std::fmt;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// A secret with an optional rotation window: it verifies while the clock is at or before
/// `not_after` (unix seconds), and is skipped after, so an old secret retires on schedule
/// instead of by a redeploy. Its position in the list is still its `secret_index`.
///
/// Its `Debug` never shows the secret.
///
/// ```
/// use hookseal::{ErrorCode, Options, Scheme, Secret, Signer, Verifier};
/// let secrets = [Secret::new("sl_new"), Secret::new("sl_old").not_after(1_700_000_000)];
/// let v = Verifier::with_secrets(Scheme::SalesLab, &secrets, &Options::default()).unwrap();
/// let headers = Signer::new(Scheme::SalesLab, "sl_old").unwrap().sign(b"{}", None).unwrap();
///
/// assert_eq!(v.verify_at(&headers, b"{}", 1_700_000_000).unwrap().secret_index, 1);
/// let retired = v.verify_at(&headers, b"{}", 1_700_000_001).unwrap_err();
/// assert_eq!(retired.code(), ErrorCode::SignatureMismatch);
/// assert_eq!(format!("{:?}", secrets[1]), "Secret { value: [redacted], not_after: Some(1700000000) }");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    pub(crate) value: Vec<u8>,
    pub(crate) not_after: Option<i64>,
}

impl Secret {
    /// A secret that never retires: the bytes exactly as the provider shows them.
    pub fn new(value: impl AsRef<[u8]>) -> Secret {
        Secret {
            value: value.as_ref().to_vec(),
            not_after: None,
        }
    }

    /// The same secret, retiring after `unix_secs`: it verifies while `now <= unix_secs`.
    #[must_use]
    pub fn not_after(mut self, unix_secs: i64) -> Secret {
        self.not_after = Some(unix_secs);
        self
    }

    /// When the secret retires (unix seconds), if it does.
    pub fn retires_at(&self) -> Option<i64> {
        self.not_after
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Secret")
            .field("value", &format_args!("[redacted]"))
            .field("not_after", &self.not_after)
            .finish()
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Secret {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Secret {
        Secret::new(value)
    }
}

impl From<&[u8]> for Secret {
    fn from(value: &[u8]) -> Secret {
        Secret::new(value)
    }
}

impl From<Vec<u8>> for Secret {
    fn from(value: Vec<u8>) -> Secret {
        Secret {
            value,
            not_after: None,
        }
    }
}

/// What a key is built for: a verifier takes public keys, a signer secret keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Verify,
    Sign,
}

/// One configured secret, ready to use.
#[derive(Clone)]
pub(crate) enum Key {
    /// HMAC state with the key pads already absorbed: each verification clones it.
    Hmac(HmacSha256),
    /// SHA-256 of a shared token: tokens are compared as fixed-length digests, so a
    /// wrong-length token takes the same path as a wrong token of the right length.
    Token(Digest),
    /// A Standard Webhooks public key (`whpk_`): verifies `v1a` entries only.
    Ed25519(VerifyingKey),
    /// A Standard Webhooks secret key (`whsk_`): signs `v1a` entries (a signer only).
    Ed25519Signing(SigningKey),
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key([redacted])")
    }
}

/// The signed content of one delivery, in parts; joined into one buffer the first time
/// an Ed25519 key needs it (HMAC absorbs the parts one by one).
pub(crate) struct Message<'m> {
    parts: &'m [&'m [u8]],
    joined: OnceCell<Vec<u8>>,
}

impl<'m> Message<'m> {
    pub(crate) fn new(parts: &'m [&'m [u8]]) -> Message<'m> {
        Message {
            parts,
            joined: OnceCell::new(),
        }
    }

    pub(crate) fn parts(&self) -> &[&[u8]] {
        self.parts
    }

    fn joined(&self) -> &[u8] {
        self.joined.get_or_init(|| self.parts.concat())
    }
}

impl Key {
    /// The key for `secret` in `format`. `name` is how an error names the secret
    /// (`secret 2`, `the secret`): never its value.
    pub(crate) fn new(
        format: &Format,
        secret: &[u8],
        role: Role,
        name: &str,
    ) -> Result<Key, Error> {
        if secret.is_empty() {
            return err(ErrorCode::InvalidSecret, format!("{name} is empty"));
        }
        check_whitespace(secret, name)?;
        match format {
            Format::Token { .. } => Ok(Key::Token(sha256(secret))),
            Format::StandardWebhooks => {
                if let Some(encoded) = secret.strip_prefix(b"whpk_") {
                    return match role {
                        Role::Verify => public_key(encoded, name).map(Key::Ed25519),
                        Role::Sign => err(
                            ErrorCode::InvalidSecret,
                            format!(
                                "{name} is a whpk_ public key: a signer takes the whsk_ secret key"
                            ),
                        ),
                    };
                }
                if let Some(encoded) = secret.strip_prefix(b"whsk_") {
                    return match role {
                        Role::Sign => signing_key(encoded, name).map(Key::Ed25519Signing),
                        Role::Verify => err(
                            ErrorCode::InvalidSecret,
                            format!(
                                "{name} is a whsk_ secret key: a verifier takes the whpk_ public key \
                                 (the receiver never needs the secret key)"
                            ),
                        ),
                    };
                }
                let encoded = secret.strip_prefix(b"whsec_").unwrap_or(secret);
                match base64_decode(encoded) {
                    Some(key) if !key.is_empty() => Ok(Key::Hmac(hmac_key(&key))),
                    _ => err(
                        ErrorCode::InvalidSecret,
                        format!(
                            "{name}: a standard-webhooks secret must be base64 (after an optional \
                             whsec_ prefix), or a whpk_ public key"
                        ),
                    ),
                }
            }
            _ => Ok(Key::Hmac(hmac_key(secret))),
        }
    }

    /// Whether this key produced one of the signatures of `parsed` over `message`, or
    /// (tokens) whether the token is this key's token. HMAC keys try `v1` digests, Ed25519
    /// keys `v1a` signatures, each only its own kind. HMAC and token comparisons are
    /// constant-time; an Ed25519 signature is checked with `verify_strict`.
    pub(crate) fn matches(&self, message: &Message<'_>, parsed: &Parsed<'_>) -> bool {
        match (self, parsed) {
            (Key::Hmac(_), Parsed::Digests { sigs, .. }) => {
                let out = self.mac(message.parts()).unwrap_or_default();
                let hits = sigs
                    .as_slice()
                    .iter()
                    .fold(0u8, |hit, sig| hit | sig.ct_eq(&out).unwrap_u8());
                hits == 1
            }
            (Key::Token(digest), Parsed::Token(token)) => sha256(token).ct_eq(digest).into(),
            (Key::Ed25519(key), Parsed::Digests { sigs, .. }) => sigs.ed25519().iter().any(|sig| {
                key.verify_strict(message.joined(), &Signature::from_bytes(sig))
                    .is_ok()
            }),
            _ => false,
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

    /// The Ed25519 signature of `content` under this key, for signing (`whsk_` keys).
    pub(crate) fn ed25519_sign(&self, content: &[&[u8]]) -> Option<[u8; 64]> {
        let Key::Ed25519Signing(key) = self else {
            return None;
        };
        key.try_multipart_sign(content).ok().map(|s| s.to_bytes())
    }
}

/// A secret that starts or ends with ASCII whitespace is refused: every delivery would
/// fail as a plain `signature_mismatch`, and it is almost always a newline that a secret
/// file or a `.env` line left there.
fn check_whitespace(secret: &[u8], name: &str) -> Result<(), Error> {
    let (at, byte) = match (secret.first(), secret.last()) {
        (Some(&b), _) if b.is_ascii_whitespace() => ("starts", b),
        (_, Some(&b)) if b.is_ascii_whitespace() => ("ends", b),
        _ => return Ok(()),
    };
    let what = match byte {
        b'\n' => "a newline",
        b'\r' => "a carriage return",
        b'\t' => "a tab",
        b' ' => "a space",
        _ => "a form feed",
    };
    err(
        ErrorCode::InvalidSecret,
        format!(
            "{name} {at} with {what}: usually left by a secret file (a mounted Kubernetes \
             secret, `echo` without -n) or a .env line; trim it where the secret is read"
        ),
    )
}

/// A `whpk_` key: 32 bytes of base64, the canonical encoding of a point of Ed25519 that
/// is not of small order (such a key accepts signatures anyone can make).
fn public_key(encoded: &[u8], name: &str) -> Result<VerifyingKey, Error> {
    let bad = |why: &str| err(ErrorCode::InvalidSecret, format!("{name}: {why}"));
    let Some(bytes) = base64_decode(encoded) else {
        return bad("a whpk_ key must be base64 after the prefix");
    };
    let Ok(bytes) = <[u8; 32]>::try_from(bytes.as_slice()) else {
        return bad(&format!(
            "a whpk_ key is 32 bytes of base64, not {}",
            bytes.len()
        ));
    };
    let Ok(key) = VerifyingKey::from_bytes(&bytes) else {
        return bad("the whpk_ key is not a point of Ed25519");
    };
    if key.to_edwards().compress().to_bytes() != bytes {
        return bad("the whpk_ key is not in canonical encoding");
    }
    if key.is_weak() {
        return bad(
            "the whpk_ key is a point of small order, which would accept forged signatures",
        );
    }
    Ok(key)
}

/// A `whsk_` key: the base64 of a 32-byte seed, or of a 64-byte seed and public key
/// (libsodium's layout) whose public half must be the seed's.
fn signing_key(encoded: &[u8], name: &str) -> Result<SigningKey, Error> {
    let bad = |why: &str| err(ErrorCode::InvalidSecret, format!("{name}: {why}"));
    let Some(bytes) = base64_decode(encoded).map(Zeroizing::new) else {
        return bad("a whsk_ key must be base64 after the prefix");
    };
    if let Ok(seed) = <&[u8; 32]>::try_from(bytes.as_slice()) {
        return Ok(SigningKey::from_bytes(seed));
    }
    if let Ok(pair) = <&[u8; 64]>::try_from(bytes.as_slice()) {
        return match SigningKey::from_keypair_bytes(pair) {
            Ok(key) => Ok(key),
            Err(_) => bad("the public half of the 64-byte whsk_ key is not its seed's public key"),
        };
    }
    bad(&format!(
        "a whsk_ key is the base64 of a 32-byte seed or of 64 bytes (seed and public key), not {} bytes",
        bytes.len()
    ))
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
        let key = Key::new(&format, b"tok_secret", Role::Verify, "secret 0").unwrap();
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
            assert!(
                !key.matches(&Message::new(&[]), &Parsed::Token(wrong)),
                "{wrong:?} matched"
            );
        }
        assert!(key.matches(&Message::new(&[]), &Parsed::Token(b"tok_secret")));
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn b64(bytes: &[u8]) -> String {
        crate::codec::base64_encode(bytes)
    }

    /// RFC 8032, section 7.1, TEST 1 to 3: (secret key, public key, message, signature).
    const RFC8032: [(&str, &str, &str, &str); 3] = [
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        ),
        (
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        ),
    ];

    /// The raw RFC 8032 signatures, over the RFC's own messages: a whsk_ key (the seed,
    /// or seed and public key) signs them byte for byte, and the whpk_ key verifies them
    /// through the same path as a `v1a` entry; a changed message does not.
    #[test]
    fn rfc8032_test_vectors() {
        let format = Format::StandardWebhooks;
        for (seed, public, message, signature) in RFC8032 {
            let (seed, public) = (unhex(seed), unhex(public));
            let (message, signature) = (unhex(message), unhex(signature));
            for secret in [b64(&seed), b64(&[&seed[..], &public[..]].concat())] {
                let signer = Key::new(
                    &format,
                    format!("whsk_{secret}").as_bytes(),
                    Role::Sign,
                    "s",
                )
                .unwrap();
                assert_eq!(
                    signer.ed25519_sign(&[&message]).unwrap().to_vec(),
                    signature
                );
            }
            let key = Key::new(
                &format,
                format!("whpk_{}", b64(&public)).as_bytes(),
                Role::Verify,
                "s",
            )
            .unwrap();
            let header = format!("v1a,{}", b64(&signature));
            let parsed = crate::parse::signature(&format, header.as_bytes()).unwrap();
            assert!(key.matches(&Message::new(&[&message]), &parsed));
            let other = [&message[..], b"x"].concat();
            assert!(!key.matches(&Message::new(&[&other]), &parsed));
            // Split in parts, as a delivery's id.ts.body is, the message is the same.
            let (a, b) = message.split_at(message.len() / 2);
            assert!(key.matches(&Message::new(&[a, b]), &parsed));
        }
    }

    #[test]
    fn signer_and_verifier_keys_are_not_interchangeable() {
        let format = Format::StandardWebhooks;
        let (seed, public) = (unhex(RFC8032[0].0), unhex(RFC8032[0].1));
        let whpk = format!("whpk_{}", b64(&public));
        let whsk = format!("whsk_{}", b64(&seed));
        let code = |secret: &str, role| {
            Key::new(&format, secret.as_bytes(), role, "secret 0")
                .unwrap_err()
                .code()
        };
        assert_eq!(code(&whpk, Role::Sign), ErrorCode::InvalidSecret);
        assert_eq!(code(&whsk, Role::Verify), ErrorCode::InvalidSecret);
        // libsodium's 64-byte layout whose public half is another key's.
        let other = unhex(RFC8032[1].1);
        let mismatched = format!("whsk_{}", b64(&[&seed[..], &other[..]].concat()));
        assert_eq!(code(&mismatched, Role::Sign), ErrorCode::InvalidSecret);
        assert_eq!(code("whsk_AAAA", Role::Sign), ErrorCode::InvalidSecret);
    }

    #[test]
    fn whitespace_is_named_by_index_and_cause_never_by_value() {
        let format = Format::Prefixed {
            prefix: "sha256=".into(),
            encoding: crate::options::Encoding::Hex,
        };
        let e = Key::new(&format, b"s3cr3t_value\n", Role::Verify, "secret 2").unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidSecret);
        assert!(
            e.message().starts_with("secret 2 ends with a newline"),
            "{e}"
        );
        assert!(e.message().contains(".env"), "{e}");
        assert!(!e.message().contains("s3cr3t"), "{e}");
        let e = Key::new(&format, b" s3cr3t", Role::Sign, "the secret").unwrap_err();
        assert!(
            e.message().starts_with("the secret starts with a space"),
            "{e}"
        );
        // Inside a secret, whitespace is part of it.
        assert!(Key::new(&format, b"a b", Role::Verify, "secret 0").is_ok());
    }

    #[test]
    fn keys_never_print_their_secret() {
        let format = Format::Prefixed {
            prefix: "sha256=".into(),
            encoding: crate::options::Encoding::Hex,
        };
        let key = Key::new(&format, b"whsec_do_not_print", Role::Verify, "secret 0").unwrap();
        assert_eq!(format!("{key:?}"), "Key([redacted])");
    }
}
