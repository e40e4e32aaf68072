#!/usr/bin/env bash
# Python: builds the hookseal wheel (PyO3 + maturin) into a venv at .venv/, checks the
# committed stubs against the compiled module, type-checks the package, and runs every
# test: the shared vectors, the hostile rows, the API, Flask/FastAPI/Django behind real
# servers on 127.0.0.1, the doc examples, and a fresh-venv install of the wheel.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

python=${PYTHON:-python3}
echo "== python: venv at .venv/ and pinned tools"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r python/requirements-dev.txt

echo "== python: rustfmt and clippy on the binding crate"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt -p hookseal-python -- --check
cargo clippy -p hookseal-python --all-targets -- -D warnings

echo "== python: build the abi3 wheel and install it"
wheels=target/wheels-python
rm -rf "$wheels"
(cd python && "$root/.venv/bin/maturin" build --out "$root/$wheels")
.venv/bin/python -m pip install --quiet --force-reinstall --no-deps "$wheels"/hookseal-*.whl

# Outside the checkout, so `hookseal` is the installed wheel, not python/hookseal/.
cd "$(mktemp -d)"
echo "== python: committed stubs match the compiled module (mypy.stubtest)"
"$root/.venv/bin/python" -m mypy.stubtest hookseal._native hookseal.errors
echo "== python: the package type-checks (mypy --strict)"
(cd "$root/python" && "$root/.venv/bin/python" -m mypy hookseal)
echo "== python: a user's code type-checks against the installed wheel"
"$root/.venv/bin/python" -m mypy --strict "$root/python/tests/typing/user_code.py"
echo "== python: typed events match core/events/, and narrow over every kind (mypy --strict)"
"$root/.venv/bin/python" "$root/scripts/events/python.py" --check
"$root/.venv/bin/python" -m mypy --strict "$root/python/tests/typing/events_user_code.py" "$root/python/tests/typing/events_kinds.py"
echo "== python: doc examples"
"$root/.venv/bin/pytest" -q -p no:cacheprovider --doctest-modules --pyargs hookseal
echo "== python: tests"
"$root/.venv/bin/pytest" -q -p no:cacheprovider "$root/python/tests"
