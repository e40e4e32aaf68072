#!/usr/bin/env bash
# The hookseal command: format and lint checks, and its tests (each subcommand run as a
# built binary, --explain findings, send against listen and against scripted servers, its
# attempts read line by line while it runs).
# The demo is a suite of its own (scripts/ci/demo.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

echo "== cli: fmt and clippy"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt -p hookseal-cli -- --check
cargo clippy -p hookseal-cli --all-targets -- -D warnings

echo "== cli: tests"
cargo test -p hookseal-cli
