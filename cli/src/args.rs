//! Arguments shared by several subcommands: headers, bodies, scheme options.

use clap::Args;
use hookseal::{Options, Scheme, OPTION_NAMES};
use std::io::Read;

/// Options of a scheme, as flags. Every value goes to the core's one parser
/// (`Options::set`; the options are in docs/api.md), so a bad value is the core's
/// `invalid_option`, and `--option name=value` reaches any option by its core name.
#[derive(Args, Clone, Debug, Default)]
pub struct SchemeFlags {
    /// Timestamp tolerance in seconds, or "off" (timestamped schemes).
    #[arg(long)]
    pub tolerance: Option<String>,
    /// Largest accepted body in bytes (default 1 MiB).
    #[arg(long)]
    pub max_body: Option<String>,
    /// salescaling: the token header (default authorization); custom: the signature header.
    #[arg(long = "option-header")]
    pub header: Option<String>,
    /// salescaling: the token prefix (default "Bearer "); custom: the signature prefix.
    #[arg(long = "option-prefix")]
    pub prefix: Option<String>,
    /// custom: the digest encoding, hex (default) or base64.
    #[arg(long)]
    pub encoding: Option<String>,
    /// custom: what is signed, body (default), ts.body or id.ts.body.
    #[arg(long)]
    pub content: Option<String>,
    /// custom: the header carrying the signed timestamp (with ts.body, id.ts.body).
    #[arg(long)]
    pub timestamp_header: Option<String>,
    /// custom: the header carrying the signed id (with id.ts.body).
    #[arg(long)]
    pub id_header: Option<String>,
    /// Any option by its name in docs/api.md, `name=value`; repeat for each.
    #[arg(long = "option", value_name = "NAME=VALUE")]
    pub option: Vec<String>,
}

impl SchemeFlags {
    /// Each named flag with the core's name of its option.
    fn named(&self) -> [(&'static str, &Option<String>); OPTION_NAMES.len()] {
        [
            ("tolerance", &self.tolerance),
            ("max_body", &self.max_body),
            ("header", &self.header),
            ("prefix", &self.prefix),
            ("encoding", &self.encoding),
            ("content", &self.content),
            ("timestamp_header", &self.timestamp_header),
            ("id_header", &self.id_header),
        ]
    }

    /// The options as the core parses them: the named flags, then each `--option`.
    pub fn options(&self) -> Result<Options, String> {
        let mut pairs: Vec<(&str, &str)> = self
            .named()
            .into_iter()
            .filter_map(|(name, value)| Some((name, value.as_deref()?)))
            .collect();
        for raw in &self.option {
            pairs.push(
                raw.split_once('=')
                    .ok_or_else(|| format!("--option is `name=value`, not {raw:?}"))?,
            );
        }
        options_from(pairs)
    }
}

/// Options from `(name, value text)` pairs, through the core's parser.
pub fn options_from<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Options, String> {
    let mut options = Options::default();
    for (name, value) in pairs {
        options.set(name, value).map_err(|e| e.to_string())?;
    }
    Ok(options)
}

pub fn parse_scheme(id: &str) -> Result<Scheme, String> {
    id.parse::<Scheme>().map_err(|e| e.to_string())
}

/// `Name: value` into a pair; the value keeps its inner spaces.
pub fn parse_header(raw: &str) -> Result<(String, Vec<u8>), String> {
    let (name, value) = raw
        .split_once(':')
        .ok_or_else(|| format!("a header is `Name: value`, not {raw:?}"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("a header is `Name: value`, not {raw:?}"));
    }
    Ok((name.to_owned(), value.trim_start().as_bytes().to_vec()))
}

/// The bytes of FILE, or of stdin for `-`.
pub fn read_body(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading stdin: {e}"))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))
}

/// The current unix time in seconds.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_option_has_a_flag() {
        let mut flags: Vec<&str> = SchemeFlags::default()
            .named()
            .iter()
            .map(|(n, _)| *n)
            .collect();
        let mut core = OPTION_NAMES.to_vec();
        flags.sort_unstable();
        core.sort_unstable();
        assert_eq!(flags, core);
    }
}
