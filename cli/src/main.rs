//! `hookseal`: sign, verify (with `--explain`), send like a provider, and listen.
//!
//! Every rule about a scheme comes from the `hookseal` crate; this binary only decides
//! what to print and, for `send` and `listen`, speaks HTTP.

mod accept;
mod args;
mod catalog;
mod chunked;
mod explain;
mod http;
mod ids;
mod listen;
mod out;
mod provider;
mod request;
mod schemes;
mod seen;
mod send;
mod server;
mod sign;
mod verify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Verify, sign, simulate and receive the webhooks of sales platforms.
#[derive(Parser)]
#[command(name = "hookseal", version, about)]
struct Cli {
    /// Print machine-readable JSON instead of text for people.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the headers a provider would send with FILE.
    Sign(sign::SignArgs),
    /// Verify a delivery; exit 0 if it is genuine, 1 if not (`--explain` says why).
    Verify(verify::VerifyArgs),
    /// Send deliveries the way a provider does: its payloads, headers, timeout and retries.
    Send(send::SendArgs),
    /// Run a local receiver that verifies and prints every request.
    Listen(listen::ListenArgs),
    /// Print the schemes: their headers, what they sign, the options they take.
    Schemes(schemes::SchemesArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = out::Out::new(cli.json);
    let result = match cli.command {
        Command::Sign(a) => sign::run(a, &out),
        Command::Verify(a) => verify::run(a, &out),
        Command::Send(a) => send::run(a, &out),
        Command::Listen(a) => listen::run(a, &out),
        Command::Schemes(a) => schemes::run(a, &out),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            out.fatal(&message);
            ExitCode::from(2)
        }
    }
}
