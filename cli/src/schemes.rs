//! `hookseal schemes`: the core's scheme table, for people or (`--json`) as the core
//! exports it to every runtime.

use crate::out::{Out, Style};
use clap::Args;
use serde_json::Value;
use std::process::ExitCode;

#[derive(Args)]
pub struct SchemesArgs {}

pub fn run(_: SchemesArgs, out: &Out) -> Result<ExitCode, String> {
    if out.json {
        out.line(&hookseal::schemes_json());
        return Ok(ExitCode::SUCCESS);
    }
    // The table for people is read from the same JSON, so the two cannot differ.
    let table: Value =
        serde_json::from_str(&hookseal::schemes_json()).map_err(|e| e.to_string())?;
    let rows: Vec<[String; 6]> = table.as_array().into_iter().flatten().map(row).collect();
    let header = [
        "scheme",
        "signature header",
        "signs",
        "timestamp header",
        "id header",
        "options",
    ]
    .map(str::to_owned);
    let mut widths = [0; 6];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |r: &[String; 6]| {
        let cells: Vec<String> = r
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        cells.join("  ").trim_end().to_owned()
    };
    out.line(&out.paint(&line(&header), Style::Bold));
    for r in &rows {
        out.line(&line(r));
    }
    out.line("every scheme also takes max_body; the options are in docs/api.md");
    Ok(ExitCode::SUCCESS)
}

/// One scheme's cells; what an option sets is shown as `option <name>`.
fn row(scheme: &Value) -> [String; 6] {
    let takes = |option: &str| {
        scheme["options"]
            .as_array()
            .is_some_and(|o| o.iter().any(|n| n == option))
    };
    let cell = |field: &str, option: &str| match scheme[field].as_str() {
        Some(v) => v.to_owned(),
        None if takes(option) => format!("option {option}"),
        // Timestamped without a timestamp header: the timestamp is in the signature.
        None if field == "timestamp_header" && scheme["timestamped"] == true => {
            "in the signature".to_owned()
        }
        None => "-".to_owned(),
    };
    let options: Vec<&str> = scheme["options"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    [
        cell("id", "id"),
        cell("signature_header", "header"),
        cell("content", "content"),
        cell("timestamp_header", "timestamp_header"),
        cell("id_header", "id_header"),
        if options.is_empty() {
            "-".to_owned()
        } else {
            options.join(", ")
        },
    ]
}
