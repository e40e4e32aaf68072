//! Reading request headers in whatever shape the caller has them.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

/// Request headers, looked up by lowercase name, case-insensitively.
///
/// Implemented for slices, arrays and vectors of `(name, value)` pairs and for maps with
/// string keys. Values are bytes, because a header value need not be UTF-8.
///
/// **A header that appears more than once counts as one value: its values, each trimmed,
/// joined with `", "` in order** (RFC 9110 §5.3). That is what Fetch's `Headers` and WSGI
/// give and cannot undo, so it is the one rule every runtime is held to; the scheme then
/// reads the joined value (`docs/schemes.md`), so two `sha256=` headers are
/// `malformed_signature` whichever stack joined them.
///
/// ```
/// use hookseal::Headers;
/// let h = [("X-SalesLab-Signature", "sha256=00")];
/// assert_eq!(h.get("x-saleslab-signature").as_deref(), Some(&b"sha256=00"[..]));
/// assert_eq!(h.get("x-salesos-signature"), None);
/// let twice = [("x-a", "1"), ("X-A", " 2 ")];
/// assert_eq!(twice.get("x-a").as_deref(), Some(&b"1, 2"[..]));
/// ```
pub trait Headers {
    /// The value of the header `name` (given in lowercase); repeats joined with `", "`.
    /// An implementation that holds at most one value per name returns it borrowed.
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>>;
}

/// The value of `name` among `pairs`: borrowed when it appears once, joined when repeated.
fn joined<'a, K, V>(
    pairs: impl Iterator<Item = (&'a K, &'a V)>,
    name: &str,
) -> Option<Cow<'a, [u8]>>
where
    K: AsRef<str> + ?Sized + 'a,
    V: AsRef<[u8]> + ?Sized + 'a,
{
    let mut matches = pairs
        .filter(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_ref());
    let first = matches.next()?;
    let Some(second) = matches.next() else {
        return Some(Cow::Borrowed(first));
    };
    // Rare (a repeated header), so the allocation stays off the common path.
    let mut value = trim(first).to_vec();
    for next in std::iter::once(second).chain(matches) {
        value.extend_from_slice(b", ");
        value.extend_from_slice(trim(next));
    }
    Some(Cow::Owned(value))
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for [(K, V)] {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        joined(self.iter().map(|(k, v)| (k, v)), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, const N: usize> Headers for [(K, V); N] {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        Headers::get(self.as_slice(), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for Vec<(K, V)> {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        Headers::get(self.as_slice(), name)
    }
}

// A map holds each spelling of a name once; spellings differing in case are joined in
// the map's order.
impl<K: AsRef<str>, V: AsRef<[u8]>, S: BuildHasher> Headers for HashMap<K, V, S> {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        joined(self.iter(), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for BTreeMap<K, V> {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        joined(self.iter(), name)
    }
}

impl<H: Headers + ?Sized> Headers for &H {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        (**self).get(name)
    }
}

/// Trims spaces and tabs, and nothing else, from both ends of a header value.
pub(crate) fn trim(value: &[u8]) -> &[u8] {
    let is_ws = |b: &u8| *b == b' ' || *b == b'\t';
    let start = value.iter().position(|b| !is_ws(b)).unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|b| !is_ws(b))
        .map_or(start, |i| i + 1);
    &value[start..end]
}

/// The bytes that were on the wire, from a header value an HTTP stack handed over as
/// text. Node, workerd, Deno, WSGI, ASGI and Django decode header bytes as latin-1, one
/// character per byte, so text whose characters are all U+00FF or below goes back to
/// those bytes: a token with a byte above 0x7F then verifies as it does where headers
/// are bytes (Go, Rust). Text with a character above U+00FF cannot have come off the wire
/// (only a caller's own string holds one): it is its UTF-8. ASCII, nearly every value, is
/// borrowed as it is.
///
/// ```
/// use hookseal::wire_bytes;
/// assert_eq!(&*wire_bytes("sha256=ab"), b"sha256=ab");
/// assert_eq!(&*wire_bytes("tok\u{e9}"), b"tok\xe9");
/// assert_eq!(&*wire_bytes("\u{e9}\u{20ac}"), "\u{e9}\u{20ac}".as_bytes());
/// ```
pub fn wire_bytes(text: &str) -> Cow<'_, [u8]> {
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xFF) {
        return Cow::Borrowed(text.as_bytes());
    }
    // Every character is U+00FF or below here, so `as u8` is its latin-1 byte.
    Cow::Owned(text.chars().map(|c| c as u8).collect())
}

/// [`trim`] for a value that may be owned.
pub(crate) fn trim_cow(value: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    match value {
        Cow::Borrowed(b) => Cow::Borrowed(trim(b)),
        Cow::Owned(o) => match trim(&o) {
            t if t.len() == o.len() => Cow::Owned(o),
            t => Cow::Owned(t.to_vec()),
        },
    }
}
