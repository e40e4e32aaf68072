#!/usr/bin/env bash
# The Rust core: formatting, lints, every test (vectors, properties, doc examples), the
# generator check (vectors come from Python's hmac, not from hookseal), and the wasm32 build.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== rust: vectors are exactly what the generator writes"
# The v1a cases are signed by Python's `cryptography` (Ed25519): the generator runs in the
# shared venv (.venv, as python.sh makes it) with that package installed.
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/python -m pip install --quiet "cryptography==50.0.2"
.venv/bin/python core/vectors/generate.py --check
python3 core/vectors/hostile/generate.py --check

echo "== rust: fmt and clippy"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt -p hookseal -- --check
cargo clippy -p hookseal --all-targets -- -D warnings

echo "== rust: tests"
cargo test -p hookseal
echo "== rust: a scheme added as one row of the table (the example-scheme feature)"
cargo clippy -p hookseal --all-targets --features example-scheme -- -D warnings
cargo test -p hookseal --features example-scheme --test example_scheme --test vectors

echo "== rust: versions stamped from the workspace"
bash scripts/ci/versions.sh

echo "== rust: builds for wasm32-unknown-unknown"
rustup target add wasm32-unknown-unknown >/dev/null
cargo build -p hookseal --target wasm32-unknown-unknown
