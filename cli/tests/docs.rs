//! The transcripts of docs/cli.md (```sh blocks whose lines start with `$ `) run as
//! written, one block after another in one directory, with `hookseal` on PATH; their
//! output must match the text under the commands (`…` is any text, a line of just `…`
//! any lines).

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

const DOC: &str = include_str!("../../docs/cli.md");

/// Each transcript: its commands and the output written under them.
fn transcripts() -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
    let mut out = Vec::new();
    let mut block: Option<Vec<&str>> = None;
    for line in DOC.lines() {
        match (&mut block, line) {
            (None, "```sh") => block = Some(Vec::new()),
            (Some(lines), "```") => {
                if lines.first().is_some_and(|l| l.starts_with("$ ")) {
                    let commands = lines.iter().filter_map(|l| l.strip_prefix("$ ")).collect();
                    let output = lines
                        .iter()
                        .filter(|l| !l.starts_with("$ "))
                        .copied()
                        .collect();
                    out.push((commands, output));
                }
                block = None;
            }
            (Some(lines), l) => lines.push(l),
            (None, _) => {}
        }
    }
    out
}

/// Whether `line` is `pattern` with each `…` standing for any text.
fn line_matches(pattern: &str, line: &str) -> bool {
    let parts: Vec<&str> = pattern.split('…').collect();
    let (first, rest) = parts.split_first().unwrap();
    let Some(mut tail) = line.strip_prefix(first) else {
        return false;
    };
    for (i, part) in rest.iter().enumerate() {
        if i == rest.len() - 1 {
            return tail.ends_with(part);
        }
        match tail.find(part) {
            Some(at) => tail = &tail[at + part.len()..],
            None => return false,
        }
    }
    tail.is_empty()
}

fn lines_match(pattern: &[&str], lines: &[&str]) -> bool {
    match pattern.split_first() {
        None => lines.is_empty(),
        Some((&"…", rest)) => (0..=lines.len()).any(|skip| lines_match(rest, &lines[skip..])),
        Some((p, rest)) => lines
            .split_first()
            .is_some_and(|(l, more)| line_matches(p, l) && lines_match(rest, more)),
    }
}

#[test]
fn the_transcripts_of_cli_md_run_as_written() {
    let dir = scratch("docs");
    let bin = Path::new(env!("CARGO_BIN_EXE_hookseal")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let all = transcripts();
    assert!(all.len() >= 4, "docs/cli.md has {} transcripts", all.len());
    for (commands, expected) in all {
        let o = Command::new("sh")
            .arg("-c")
            .arg(commands.join("\n"))
            .current_dir(&dir)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env_remove("HOOKSEAL_SECRET")
            .output()
            .unwrap();
        let text = stdout(&o);
        let got: Vec<&str> = text.lines().collect();
        assert!(
            lines_match(&expected, &got),
            "{commands:#?}\nexpected:\n{}\ngot:\n{text}\nstderr: {}",
            expected.join("\n"),
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn the_wildcards_match_what_they_say() {
    assert!(line_matches("v1=…", "v1=abc"));
    assert!(line_matches("a … c", "a b c"));
    assert!(!line_matches("a … c", "a b d"));
    assert!(line_matches("exact", "exact"));
    assert!(!line_matches("exact", "exactly"));
    assert!(lines_match(&["a", "…", "z"], &["a", "b", "c", "z"]));
    assert!(lines_match(&["a", "…"], &["a"]));
    assert!(!lines_match(&["a", "z"], &["a", "b", "z"]));
}

#[test]
fn the_send_and_listen_blocks_of_cli_md_run_as_written() {
    // Their lines are excerpts of this script (scripts/docs/snippets.py checks it).
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/docs/servers.sh");
    let dir = scratch("docs-servers");
    let bin = Path::new(env!("CARGO_BIN_EXE_hookseal")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("bash")
        .arg(script)
        .current_dir(&dir)
        .env("PATH", &path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        o.status.success() && stdout(&o).contains("docs/cli.md send and listen: ok"),
        "stdout:\n{}\nstderr:\n{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
}
