//! Guessing the scheme from the headers a request carries.

use crate::headers::Headers;
use crate::scheme::Scheme;

/// The scheme whose signature header is present, if any. Salescaling and custom
/// schemes use configurable headers and are never detected.
///
/// ```
/// use hookseal::{detect, Scheme};
/// assert_eq!(detect(&[("Stripe-Signature", "t=1,v1=00")]), Some(Scheme::Stripe));
/// assert_eq!(detect(&[("Content-Type", "application/json")]), None);
/// ```
pub fn detect<H: Headers + ?Sized>(headers: &H) -> Option<Scheme> {
    Scheme::ALL.into_iter().find(|s| {
        s.signature_header()
            .and_then(|name| headers.get(name))
            .is_some_and(|v| !crate::headers::trim(&v).is_empty())
    })
}
