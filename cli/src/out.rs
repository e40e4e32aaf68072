//! Output for people or for scripts: colour only on a terminal, JSON with `--json`.

use std::io::{IsTerminal, Write};

/// A style for a short piece of text.
#[derive(Clone, Copy)]
pub enum Style {
    Good,
    Bad,
    Warn,
    Bold,
}

/// Where and how the command prints.
pub struct Out {
    pub json: bool,
    colour: bool,
    progress: bool,
}

impl Out {
    pub fn new(json: bool) -> Out {
        // NO_COLOR (https://no-color.org) turns colour off even on a terminal.
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Out {
            json,
            colour: !json && !no_colour && std::io::stdout().is_terminal(),
            progress: std::io::stderr().is_terminal(),
        }
    }

    /// `text` in `style`, when stdout is a terminal; as-is otherwise.
    pub fn paint(&self, text: &str, style: Style) -> String {
        if !self.colour {
            return text.to_owned();
        }
        let code = match style {
            Style::Good => "32",
            Style::Bad => "31",
            Style::Warn => "33",
            Style::Bold => "1",
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }

    /// A line on stdout, flushed at once (receivers print while they run).
    pub fn line(&self, text: &str) {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{text}");
        let _ = stdout.flush();
    }

    /// A JSON value on one line of stdout.
    pub fn json_line(&self, value: &serde_json::Value) {
        self.line(&value.to_string());
    }

    /// A progress line on stderr for long waits, only when stderr is a terminal; it is
    /// overwritten by the next one and cleared with `progress_done`.
    pub fn progress(&self, text: &str) {
        if self.progress {
            eprint!("\r\x1b[2K{text}");
        }
    }

    pub fn progress_done(&self) {
        if self.progress {
            eprint!("\r\x1b[2K");
        }
    }

    /// A usage or I/O error (exit code 2).
    pub fn fatal(&self, message: &str) {
        if self.json {
            self.json_line(&serde_json::json!({ "fatal": message }));
        } else {
            eprintln!("hookseal: {message}");
        }
    }
}
