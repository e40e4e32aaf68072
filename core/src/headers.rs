//! Reading request headers in whatever shape the caller has them.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

/// Request headers, looked up by lowercase name, case-insensitively.
///
/// Implemented for slices, arrays and vectors of `(name, value)` pairs and for maps with
/// string keys. When a name appears more than once, the first occurrence is used.
/// Values are bytes, because a header value need not be UTF-8.
///
/// ```
/// use hookseal::Headers;
/// let h = [("X-SalesLab-Signature", "sha256=00")];
/// assert_eq!(h.get("x-saleslab-signature"), Some(&b"sha256=00"[..]));
/// assert_eq!(h.get("x-salesos-signature"), None);
/// ```
pub trait Headers {
    /// The first value of the header `name` (given in lowercase).
    fn get(&self, name: &str) -> Option<&[u8]>;
}

fn first<'a, K, V>(mut pairs: impl Iterator<Item = (&'a K, &'a V)>, name: &str) -> Option<&'a [u8]>
where
    K: AsRef<str> + ?Sized + 'a,
    V: AsRef<[u8]> + ?Sized + 'a,
{
    pairs
        .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_ref())
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for [(K, V)] {
    fn get(&self, name: &str) -> Option<&[u8]> {
        first(self.iter().map(|(k, v)| (k, v)), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, const N: usize> Headers for [(K, V); N] {
    fn get(&self, name: &str) -> Option<&[u8]> {
        Headers::get(self.as_slice(), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for Vec<(K, V)> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        Headers::get(self.as_slice(), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, S: BuildHasher> Headers for HashMap<K, V, S> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        first(self.iter(), name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for BTreeMap<K, V> {
    fn get(&self, name: &str) -> Option<&[u8]> {
        first(self.iter(), name)
    }
}

impl<H: Headers + ?Sized> Headers for &H {
    fn get(&self, name: &str) -> Option<&[u8]> {
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
