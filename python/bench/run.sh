#!/usr/bin/env bash
# The Python benchmark: a release build of the wheel into .venv/, the libraries it is
# compared with, one run, the table printed and written to docs/benchmarks/python.md.
# Not part of CI (timings are not tests). Usage: bash python/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet -r python/requirements-dev.txt -r python/bench/requirements.txt
wheels=target/wheels-python-release
rm -rf "$wheels"
# The wheel pip picks on Python 3.10 and later (bindings/python/Cargo.toml's features).
(cd python && "$root/.venv/bin/maturin" build --release --no-default-features --features py310 \
  --out "$root/$wheels")
.venv/bin/python -m pip install --quiet --force-reinstall --no-deps "$wheels"/hookseal-*.whl
cd "$(mktemp -d)"
BENCH_JSON="$root/target/bench-python.json" "$root/.venv/bin/python" "$root/python/bench/bench.py"
"$root/.venv/bin/python" "$root/python/bench/report.py" "$root/target/bench-python.json" \
  > "$root/docs/benchmarks/python.md"
# What per-tenant secrets and metrics cost the helpers (needs opentelemetry-sdk).
"$root/.venv/bin/python" "$root/python/bench/tenants.py" >> "$root/docs/benchmarks/python.md"
echo "written: docs/benchmarks/python.md"
