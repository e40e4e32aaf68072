//! Verifier options, and their resolution into one scheme's wire format.

use crate::error::{err, Error, ErrorCode};
use crate::headers::{trim_cow, Headers};
use crate::scheme::{Layout, Scheme, SchemeInfo};
use std::borrow::Cow;
use std::str::FromStr;

/// The default `max_body`: 1 MiB.
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;
/// The default timestamp tolerance, in seconds, both ways.
pub const DEFAULT_TOLERANCE: u64 = 300;

/// How far a signed timestamp may be from now. Turning the check off is explicit:
/// `Tolerance::Seconds(0)` means "the same second", never "off".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tolerance {
    /// At most this many seconds in either direction.
    Seconds(u64),
    /// No timestamp check (for replays of captured requests, say).
    Off,
}

impl Tolerance {
    /// A tolerance from a number as another runtime hands it over: a whole,
    /// non-negative number of seconds.
    ///
    /// ```
    /// use hookseal::Tolerance;
    /// assert_eq!(Tolerance::from_number(300.0).unwrap(), Tolerance::Seconds(300));
    /// assert!(Tolerance::from_number(-1.0).is_err());
    /// assert!(Tolerance::from_number(1.5).is_err());
    /// ```
    pub fn from_number(seconds: f64) -> Result<Tolerance, Error> {
        whole_number(seconds, "tolerance").map(Tolerance::Seconds)
    }
}

/// Parses `"off"`; anything else is `invalid_option` (numbers go through `from_number`).
impl FromStr for Tolerance {
    type Err = Error;
    fn from_str(s: &str) -> Result<Tolerance, Error> {
        match s {
            "off" => Ok(Tolerance::Off),
            _ => match s.parse::<u64>() {
                Ok(n) => Ok(Tolerance::Seconds(n)),
                Err(_) => invalid(format!(
                    "tolerance must be a whole number of seconds or \"off\", not {s:?}"
                )),
            },
        }
    }
}

/// How a `custom` scheme encodes its digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    /// 64 hex digits, either case.
    #[default]
    Hex,
    /// 44 characters of padded standard base64.
    Base64,
}

impl FromStr for Encoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Encoding, Error> {
        match s {
            "hex" => Ok(Encoding::Hex),
            "base64" => Ok(Encoding::Base64),
            _ => invalid(format!("encoding must be \"hex\" or \"base64\", not {s:?}")),
        }
    }
}

/// What a scheme signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Content {
    /// The raw body.
    #[default]
    Body,
    /// `<timestamp>.<body>`.
    TsBody,
    /// `<id>.<timestamp>.<body>`.
    IdTsBody,
}

impl Content {
    pub(crate) fn has_ts(self) -> bool {
        !matches!(self, Content::Body)
    }
}

impl FromStr for Content {
    type Err = Error;
    fn from_str(s: &str) -> Result<Content, Error> {
        match s {
            "body" => Ok(Content::Body),
            "ts.body" => Ok(Content::TsBody),
            "id.ts.body" => Ok(Content::IdTsBody),
            _ => invalid(format!(
                "content must be \"body\", \"ts.body\" or \"id.ts.body\", not {s:?}"
            )),
        }
    }
}

/// Options for a verifier or signer. Every field is optional; `None` is the scheme's
/// default. Which scheme takes which option is in `docs/schemes.md`; an option a scheme
/// does not take is `invalid_option`, so a typo never silently does nothing.
///
/// ```
/// use hookseal::{Options, Tolerance};
/// let opts = Options { tolerance: Some(Tolerance::Seconds(600)), ..Options::default() };
/// assert_eq!(opts.max_body, None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Timestamp tolerance (timestamped schemes). Default 300 s.
    pub tolerance: Option<Tolerance>,
    /// Largest accepted body, in bytes. Default 1 MiB.
    pub max_body: Option<usize>,
    /// `salescaling`: the token header (default `authorization`); `custom`: the signature header.
    pub header: Option<String>,
    /// `salescaling`: the token prefix (default `Bearer ` for `authorization`, else none);
    /// `custom`: the signature prefix (default none).
    pub prefix: Option<String>,
    /// `custom`: digest encoding (default hex).
    pub encoding: Option<Encoding>,
    /// `custom`: what is signed (default the body).
    pub content: Option<Content>,
    /// `custom`: the timestamp header (with `ts.body` / `id.ts.body`).
    pub timestamp_header: Option<String>,
    /// `custom`: the id header (with `id.ts.body`).
    pub id_header: Option<String>,
}

/// Every option name, as every runtime spells it in snake_case (JS and Go spell them
/// their own way: `toleranceSeconds`, `WithTolerance`, …; `docs/schemes.md`).
pub const OPTION_NAMES: [&str; 8] = [
    "tolerance",
    "max_body",
    "header",
    "prefix",
    "encoding",
    "content",
    "timestamp_header",
    "id_header",
];

/// The most header names a verifier reads ([`Verifier::header_names`](crate::Verifier::header_names)):
/// the signature header, then the signed timestamp and id headers, or the unsigned kind
/// and delivery headers. A binding that passes header values in a fixed array sizes it
/// with this.
pub const MAX_HEADER_NAMES: usize = 3;

impl Options {
    /// Sets the option `name` from its text: the one parser of option values, which every
    /// binding uses so that the same mistake is the same error everywhere. `tolerance` is
    /// whole seconds or `"off"`, `max_body` whole bytes (at least 1), `encoding` `hex` or
    /// `base64`, `content` `body`, `ts.body` or `id.ts.body`; header names and prefixes
    /// are taken as they are and checked when the verifier is built.
    ///
    /// ```
    /// use hookseal::{ErrorCode, Options, Tolerance};
    /// let mut o = Options::default();
    /// o.set("tolerance", "off").unwrap();
    /// o.set("header", "X-Token").unwrap();
    /// assert_eq!(o.tolerance, Some(Tolerance::Off));
    /// assert_eq!(o.set("tolerence", "5").unwrap_err().code(), ErrorCode::InvalidOption);
    /// assert_eq!(o.set("max_body", "0").unwrap_err().code(), ErrorCode::InvalidOption);
    /// ```
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Error> {
        match name {
            "tolerance" => self.tolerance = Some(value.parse()?),
            "max_body" => {
                let n = value.parse::<u64>().map_err(|_| {
                    Error::new(
                        ErrorCode::InvalidOption,
                        format!("max_body must be a whole number of bytes, not {value:?}"),
                    )
                })?;
                self.max_body = Some(check_max_body(usize::try_from(n).unwrap_or(usize::MAX))?);
            }
            "header" => self.header = Some(value.to_owned()),
            "prefix" => self.prefix = Some(value.to_owned()),
            "encoding" => self.encoding = Some(value.parse()?),
            "content" => self.content = Some(value.parse()?),
            "timestamp_header" => self.timestamp_header = Some(value.to_owned()),
            "id_header" => self.id_header = Some(value.to_owned()),
            _ => {
                return invalid(format!(
                    "unknown option {name:?}; the options are {}",
                    OPTION_NAMES.join(", ")
                ))
            }
        }
        Ok(())
    }

    /// Options from names and values alternating (`[name, value, name, value, …]`), as a
    /// binding that hands over one flat list of strings has them; each pair goes through
    /// [`Options::set`]. A name without its value is `invalid_option`.
    ///
    /// ```
    /// use hookseal::{ErrorCode, Options, Tolerance};
    /// let o = Options::from_flat(&["tolerance", "60", "max_body", "2048"]).unwrap();
    /// assert_eq!((o.tolerance, o.max_body), (Some(Tolerance::Seconds(60)), Some(2048)));
    /// assert_eq!(Options::from_flat(&["tolerance"]).unwrap_err().code(), ErrorCode::InvalidOption);
    /// ```
    pub fn from_flat<S: AsRef<str>>(flat: &[S]) -> Result<Options, Error> {
        let mut options = Options::default();
        for pair in flat.chunks(2) {
            let [name, value] = pair else {
                return invalid("options come as name and value pairs".into());
            };
            options.set(name.as_ref(), value.as_ref())?;
        }
        Ok(options)
    }
}

/// A `max_body` from a number as another runtime hands it over: a whole number ≥ 1.
///
/// ```
/// assert_eq!(hookseal::max_body_from_number(1024.0).unwrap(), 1024);
/// assert!(hookseal::max_body_from_number(0.0).is_err());
/// ```
pub fn max_body_from_number(bytes: f64) -> Result<usize, Error> {
    let n = whole_number(bytes, "max_body")?;
    check_max_body(usize::try_from(n).unwrap_or(usize::MAX))
}

fn check_max_body(n: usize) -> Result<usize, Error> {
    if n == 0 {
        return invalid("max_body must be at least 1 byte".into());
    }
    Ok(n)
}

fn whole_number(n: f64, name: &str) -> Result<u64, Error> {
    if !(n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= u64::MAX as f64) {
        return invalid(format!(
            "{name} must be a whole, non-negative number, not {n}"
        ));
    }
    Ok(n as u64)
}

fn invalid<T>(message: String) -> Result<T, Error> {
    err(ErrorCode::InvalidOption, message)
}

/// How the signature header's value is laid out.
#[derive(Clone, Debug)]
pub(crate) enum Format {
    /// `<prefix><digest>`: one digest.
    Prefixed { prefix: String, encoding: Encoding },
    /// `t=…,v1=…[,v1=…]`.
    Stripe,
    /// `v1,<base64>[ v1,<base64>…]`.
    StandardWebhooks,
    /// `<prefix><token>`, prefix matched case-insensitively.
    Token { prefix: String },
}

impl Format {
    /// The format as people read it; the digest as `<hex>` or `<base64>`.
    pub(crate) fn describe(&self) -> String {
        let digest = |e: &Encoding| match e {
            Encoding::Hex => "<hex>",
            Encoding::Base64 => "<base64>",
        };
        match self {
            Format::Prefixed { prefix, encoding } => format!("{prefix}{}", digest(encoding)),
            Format::Stripe => "t=<ts>,v1=<hex>".to_owned(),
            Format::StandardWebhooks => "v1,<base64>".to_owned(),
            Format::Token { prefix } => format!("{prefix}<token>"),
        }
    }
}

/// One scheme's resolved wire format and limits.
#[derive(Clone, Debug)]
pub(crate) struct Wire {
    pub scheme: Scheme,
    pub format: Format,
    pub content: Content,
    pub tolerance: Tolerance,
    pub max_body: usize,
    /// The header names this verifier reads, lowercase: the signature header first, then
    /// the timestamp and id headers, then unsigned envelope headers.
    pub headers: Vec<String>,
    pub ts_header: Option<usize>,
    pub id_header: Option<usize>,
    pub kind_header: Option<usize>,
    pub unsigned_id_header: Option<usize>,
}

impl Wire {
    /// How many of `headers` verification reads: the signature, timestamp and id headers,
    /// which `build` pushes first; what follows feeds only the envelope.
    pub(crate) fn verify_headers(&self) -> usize {
        1 + usize::from(self.ts_header.is_some()) + usize::from(self.id_header.is_some())
    }

    /// The trimmed value of the header in `slot` (an index into `headers`), if present.
    pub(crate) fn value<'h, H: Headers + ?Sized>(
        &self,
        headers: &'h H,
        slot: Option<usize>,
    ) -> Option<Cow<'h, [u8]>> {
        slot.and_then(|i| headers.get(&self.headers[i]))
            .map(trim_cow)
    }

    pub(crate) fn resolve(scheme: Scheme, opts: &Options) -> Result<Wire, Error> {
        let max_body = check_max_body(opts.max_body.unwrap_or(DEFAULT_MAX_BODY))?;
        let mut taken = Taken::new(scheme, opts);
        let info = scheme.info();
        let fixed = |name: Option<&str>| name.map(str::to_owned);
        let format = match info.layout {
            Layout::Prefixed(prefix) => Format::Prefixed {
                prefix: prefix.to_owned(),
                encoding: Encoding::Hex,
            },
            Layout::Stripe => Format::Stripe,
            Layout::StandardWebhooks => Format::StandardWebhooks,
            Layout::Token => {
                let header = header_name(taken.header.take(), "header")?
                    .unwrap_or_else(|| "authorization".to_owned());
                // `Bearer ` is the default only where it is the convention.
                let default_prefix = if header == "authorization" {
                    "Bearer "
                } else {
                    ""
                };
                let prefix = taken.prefix.take().unwrap_or(default_prefix).to_owned();
                return Wire::build(
                    info,
                    Format::Token { prefix },
                    Content::Body,
                    header,
                    None,
                    None,
                    max_body,
                    taken,
                );
            }
            Layout::Configured => return Wire::resolve_custom(opts, max_body, taken),
        };
        let (Some(sig), Some(content)) = (info.signature_header, info.content) else {
            unreachable!("a fixed layout has a fixed header and content")
        };
        Wire::build(
            info,
            format,
            content,
            sig.to_owned(),
            fixed(info.timestamp_header),
            fixed(info.id_header),
            max_body,
            taken,
        )
    }

    fn resolve_custom(opts: &Options, max_body: usize, mut taken: Taken) -> Result<Wire, Error> {
        let header = header_name(taken.header.take(), "header")?.ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidOption,
                "the custom scheme needs a `header` option",
            )
        })?;
        let content = opts.content.unwrap_or_default();
        let encoding = opts.encoding.unwrap_or_default();
        let ts = header_name(opts.timestamp_header.as_deref(), "timestamp_header")?;
        let id = header_name(opts.id_header.as_deref(), "id_header")?;
        if content.has_ts() != ts.is_some() {
            return invalid(
                "timestamp_header is required with content ts.body or id.ts.body, and only then"
                    .into(),
            );
        }
        if (content == Content::IdTsBody) != id.is_some() {
            return invalid("id_header is required with content id.ts.body, and only then".into());
        }
        let prefix = taken.prefix.take().unwrap_or("").to_owned();
        taken.custom_only = false;
        Wire::build(
            Scheme::Custom.info(),
            Format::Prefixed { prefix, encoding },
            content,
            header,
            ts,
            id,
            max_body,
            taken,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        info: &SchemeInfo,
        format: Format,
        content: Content,
        sig: String,
        ts: Option<String>,
        id: Option<String>,
        max_body: usize,
        taken: Taken,
    ) -> Result<Wire, Error> {
        taken.reject_leftovers(content.has_ts())?;
        let tolerance = if content.has_ts() {
            taken
                .tolerance
                .unwrap_or(Tolerance::Seconds(DEFAULT_TOLERANCE))
        } else {
            Tolerance::Off
        };
        let mut headers = vec![sig];
        let mut push = |name: Option<String>| {
            name.map(|n| {
                headers.push(n);
                headers.len() - 1
            })
        };
        let ts_header = push(ts);
        let id_header = push(id);
        let kind_header = push(info.kind_header.map(str::to_owned));
        let unsigned_id_header = push(info.delivery_header.map(str::to_owned));
        Ok(Wire {
            scheme: info.scheme,
            format,
            content,
            tolerance,
            max_body,
            headers,
            ts_header,
            id_header,
            kind_header,
            unsigned_id_header,
        })
    }
}

/// The options a scheme has not consumed yet; whatever is left over is an error.
struct Taken<'a> {
    scheme: Scheme,
    tolerance: Option<Tolerance>,
    header: Option<&'a str>,
    prefix: Option<&'a str>,
    custom_only: bool,
}

impl<'a> Taken<'a> {
    fn new(scheme: Scheme, opts: &'a Options) -> Taken<'a> {
        let custom_only = opts.encoding.is_some()
            || opts.content.is_some()
            || opts.timestamp_header.is_some()
            || opts.id_header.is_some();
        Taken {
            scheme,
            tolerance: opts.tolerance,
            header: opts.header.as_deref(),
            prefix: opts.prefix.as_deref(),
            custom_only,
        }
    }

    fn reject_leftovers(&self, timestamped: bool) -> Result<(), Error> {
        let scheme = self.scheme;
        if self.tolerance.is_some() && !timestamped {
            return invalid(format!(
                "{scheme} signs no timestamp, so it takes no tolerance"
            ));
        }
        if self.header.is_some() || self.prefix.is_some() {
            return invalid(format!(
                "{scheme} takes no header or prefix option (only salescaling and custom do)"
            ));
        }
        if self.custom_only {
            return invalid(format!(
                "encoding, content, timestamp_header and id_header are options of the custom scheme, not of {scheme}"
            ));
        }
        Ok(())
    }
}

/// A header name option: an RFC 9110 token, stored lowercase.
fn header_name(name: Option<&str>, option: &str) -> Result<Option<String>, Error> {
    let Some(name) = name else { return Ok(None) };
    let is_tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(is_tchar) {
        return invalid(format!(
            "{option} must be a non-empty HTTP header name, not {name:?}"
        ));
    }
    Ok(Some(name.to_ascii_lowercase()))
}
