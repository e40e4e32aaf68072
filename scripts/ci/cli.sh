#!/usr/bin/env bash
# The hookseal command: format and lint checks, its tests (each subcommand run as a
# built binary, --explain causes, send against listen and against scripted servers),
# then the demo (every receiver that can be built from this checkout).
# Needs Rust (stable) and python3 (the demo reads `send --json` with it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

echo "== cli: fmt and clippy"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt -p hookseal-cli -- --check
cargo clippy -p hookseal-cli --all-targets -- -D warnings

echo "== cli: tests"
cargo test -p hookseal-cli

echo "== cli: demo"
bash scripts/demo.sh
