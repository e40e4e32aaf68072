#!/usr/bin/env bash
# The event schemas (core/events/): what the generator writes from them is committed
# (docs/events.md, the samples, the Rust types), every payload example of the provider
# documents and every sample validates against them (jsonschema, in its own venv), and
# the crate hookseal-events round-trips every sample through sign, verify and parse.
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== events: docs/events.md, core/events/samples/ and events/src/ are what the generator writes"
rustup component add rustfmt >/dev/null 2>&1 || true
python3 scripts/events/generate.py --check

echo "== events: the seed documents' examples and the samples match the schemas"
venv=target/events-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'jsonschema==4.26.0'
"$venv/bin/python" scripts/events/test_seed_examples.py

echo "== events: the crate hookseal-events (fmt, clippy, tests)"
cargo fmt -p hookseal-events -- --check
cargo clippy -p hookseal-events --all-targets -- -D warnings
cargo test -p hookseal-events
