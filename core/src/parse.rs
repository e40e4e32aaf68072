//! Parsing signature and timestamp header values: checks 3 and 5 of the order in
//! `docs/schemes.md`.

use crate::codec::{base64_digest, base64_signature, hex_digest, Digest, Ed25519Signature};
use crate::error::{err, Detail, Error, ErrorCode};
use crate::headers::trim;
use crate::options::{Encoding, Format};

/// At most this many signatures in one header are tried; more is `malformed_signature`.
/// (Standard Webhooks counts every entry, whatever its version.)
pub const MAX_SIGNATURES: usize = 16;

/// The digests found in a signature header, on the stack: parsing an HMAC header
/// allocates nothing. Ed25519 signatures (`v1a` entries) go to a list of their own, which
/// allocates only when a header has one.
pub(crate) struct Signatures {
    digests: [Digest; MAX_SIGNATURES],
    len: usize,
    ed25519: Vec<Ed25519Signature>,
}

impl Signatures {
    fn new() -> Signatures {
        Signatures {
            digests: [[0; 32]; MAX_SIGNATURES],
            len: 0,
            ed25519: Vec::new(),
        }
    }

    /// The `v1a` signatures, in header order.
    pub(crate) fn ed25519(&self) -> &[Ed25519Signature] {
        &self.ed25519
    }

    fn push(&mut self, d: Digest) -> Result<(), Error> {
        if self.len == MAX_SIGNATURES {
            return malformed(format_args!(
                "more than {MAX_SIGNATURES} signatures in one header"
            ));
        }
        self.digests[self.len] = d;
        self.len += 1;
        Ok(())
    }

    pub(crate) fn as_slice(&self) -> &[Digest] {
        &self.digests[..self.len]
    }
}

/// What a signature header holds: digests (or a token), and for Stripe the timestamp.
// The digests live on the stack on purpose: boxing them would allocate on every call.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Parsed<'a> {
    Digests {
        sigs: Signatures,
        /// The `t=` value of a Stripe header: the digits as sent.
        inline_ts: Option<&'a [u8]>,
    },
    Token(&'a [u8]),
}

/// A value not laid out as the format: [`Detail::Format`] (a bad digest has its own).
fn malformed<T>(why: std::fmt::Arguments<'_>) -> Result<T, Error> {
    Err(Error::new(ErrorCode::MalformedSignature, why.to_string()).with_detail(Detail::Format))
}

/// Parses an already-trimmed, non-empty signature header value.
pub(crate) fn signature<'a>(format: &Format, value: &'a [u8]) -> Result<Parsed<'a>, Error> {
    let mut sigs = Signatures::new();
    let mut inline_ts = None;
    match format {
        Format::Prefixed { prefix, encoding } => {
            let Some(rest) = value.strip_prefix(prefix.as_bytes()) else {
                return malformed(format_args!("the value does not start with {prefix:?}"));
            };
            sigs.push(digest(*encoding, rest)?)?;
        }
        Format::Token { prefix } => {
            let p = prefix.as_bytes();
            let has_prefix = value.len() >= p.len() && value[..p.len()].eq_ignore_ascii_case(p);
            if !has_prefix {
                return malformed(format_args!("the value does not start with {prefix:?}"));
            }
            let token = trim(&value[p.len()..]);
            if token.is_empty() {
                return malformed(format_args!("the token after {prefix:?} is empty"));
            }
            return Ok(Parsed::Token(token));
        }
        Format::Stripe => {
            for item in value.split(|&b| b == b',').map(trim) {
                let Some(eq) = item.iter().position(|&b| b == b'=') else {
                    return malformed(format_args!("an item is not key=value"));
                };
                let (key, val) = (&item[..eq], &item[eq + 1..]);
                match key {
                    b"v1" => sigs.push(digest(Encoding::Hex, val)?)?,
                    b"t" if inline_ts.is_some() => {
                        return malformed(format_args!("more than one t= item"))
                    }
                    b"t" => inline_ts = Some(val),
                    _ => {}
                }
            }
        }
        Format::StandardWebhooks => {
            let mut entries = 0;
            for entry in value.split(|&b| b == b' ').filter(|e| !e.is_empty()) {
                entries += 1;
                if entries > MAX_SIGNATURES {
                    return malformed(format_args!(
                        "more than {MAX_SIGNATURES} signatures in one header"
                    ));
                }
                let Some(comma) = entry.iter().position(|&b| b == b',') else {
                    return malformed(format_args!("an entry is not version,signature"));
                };
                let (version, value) = (&entry[..comma], &entry[comma + 1..]);
                match version {
                    b"v1" => sigs.push(digest(Encoding::Base64, value)?)?,
                    b"v1a" => sigs.ed25519.push(ed25519_signature(value)?),
                    _ => {}
                }
            }
            if sigs.len == 0 && sigs.ed25519.is_empty() {
                return malformed(format_args!("no v1 or v1a signature in the header"));
            }
            return Ok(Parsed::Digests { sigs, inline_ts });
        }
    }
    if sigs.len == 0 {
        return malformed(format_args!("no v1 signature in the header"));
    }
    Ok(Parsed::Digests { sigs, inline_ts })
}

fn digest(encoding: Encoding, s: &[u8]) -> Result<Digest, Error> {
    let (d, expected, what) = match encoding {
        Encoding::Hex => (hex_digest(s), 64, "hex digits"),
        Encoding::Base64 => (base64_digest(s), 44, "characters of base64"),
    };
    match d {
        Some(d) => Ok(d),
        None => Err(not_encoded(
            s,
            encoding,
            expected,
            &format!("{expected} {what}"),
        )),
    }
}

/// `malformed_signature` for a value that is not `expected` characters of `encoding`.
fn not_encoded(s: &[u8], encoding: Encoding, expected: usize, what: &str) -> Error {
    let in_alphabet = s.iter().all(|&c| match encoding {
        Encoding::Hex => c.is_ascii_hexdigit(),
        Encoding::Base64 => c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='),
    });
    let why = if s.is_empty() {
        "the signature is empty".to_owned()
    } else {
        format!("the signature is not {what} (got {} characters)", s.len())
    };
    Error::new(ErrorCode::MalformedSignature, why).with_detail(Detail::Digest {
        encoding,
        expected,
        received: s.len(),
        in_alphabet,
    })
}

/// A `v1a` signature: 88 characters of padded standard base64 decoding to 64 bytes. Any
/// other value is `malformed_signature`, as for a bad `v1` digest.
fn ed25519_signature(s: &[u8]) -> Result<Ed25519Signature, Error> {
    base64_signature(s).ok_or_else(|| {
        not_encoded(
            s,
            Encoding::Base64,
            88,
            "88 characters of base64 (a v1a signature)",
        )
    })
}

/// A timestamp: 1 to 19 ASCII digits, unix seconds.
pub(crate) fn timestamp(value: &[u8]) -> Result<u64, Error> {
    if value.is_empty() || value.len() > 19 || !value.iter().all(u8::is_ascii_digit) {
        return err(
            ErrorCode::MalformedTimestamp,
            "the timestamp is not 1 to 19 digits of unix seconds",
        );
    }
    Ok(value.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')))
}
