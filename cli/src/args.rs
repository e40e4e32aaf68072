//! Arguments shared by several subcommands: headers, bodies, scheme options.

use clap::Args;
use hookseal::{Options, Scheme, Tolerance};
use std::io::Read;

/// Options of a scheme, as flags (the names of SPEC §4).
#[derive(Args, Clone, Debug, Default)]
pub struct SchemeFlags {
    /// Timestamp tolerance in seconds, or "off" (timestamped schemes).
    #[arg(long)]
    pub tolerance: Option<String>,
    /// Largest accepted body in bytes (default 1 MiB).
    #[arg(long)]
    pub max_body: Option<usize>,
    /// salescaling: the token header (default authorization); custom: the signature header.
    #[arg(long = "option-header")]
    pub header: Option<String>,
    /// salescaling: the token prefix (default "Bearer "); custom: the signature prefix.
    #[arg(long = "option-prefix")]
    pub prefix: Option<String>,
}

impl SchemeFlags {
    pub fn options(&self) -> Result<Options, String> {
        let tolerance = match &self.tolerance {
            Some(t) => Some(t.parse::<Tolerance>().map_err(|e| e.to_string())?),
            None => None,
        };
        Ok(Options {
            tolerance,
            max_body: self.max_body,
            header: self.header.clone(),
            prefix: self.prefix.clone(),
            ..Options::default()
        })
    }
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
