#!/usr/bin/env bash
# The docs: every code block is an excerpt of a file CI runs (scripts/docs/snippets.py),
# and those files run here: the READMEs' and docs/stores.md's snippets in Node, Python,
# Go and Rust, the edge worker's in workerd, the try-it lines as shell scripts, the store
# snippets against real Redis and PostgreSQL (stores.sh starts them). Builds each package the way its own suite does; after those suites, every build
# step is a cache hit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD

echo "== docs: every code block is a file CI runs"
python3 scripts/docs/snippets.py
python3 scripts/docs/options_table.py --check

echo "== docs: Rust"
cargo run -q -p hookseal --example readme
cargo run -q -p hookseal --example v1a
cargo run -q -p hookseal --example binding_api

echo "== docs: docs/cli.md's install line, into target/ rather than ~/.cargo"
export CARGO_INSTALL_ROOT="$root/target/docs-install"
cargo install --path cli        # or: cargo build -p hookseal-cli; target/debug/hookseal
"$CARGO_INSTALL_ROOT/bin/hookseal" schemes >/dev/null
unset CARGO_INSTALL_ROOT

echo "== docs: Node (the npm package built as node.sh builds it)"
(cd npm && npm install --no-audit --no-fund >/dev/null && npm run build >/dev/null)
(
  cd docs/snippets
  npm install --no-audit --no-fund --no-package-lock >/dev/null
  node readme.mjs
  for snippet in npm_verify npm_express npm_fetch npm_sign; do node "$snippet.mjs"; done
)

echo "== docs: the edge worker's snippets in workerd (the example's packages, the wasm engine)"
bash examples/edge-worker/demo-receiver.sh build >/dev/null
(cd docs/snippets && node edge_worker.mjs)
PATH="$root/target/docs-install/bin:$PATH" bash docs/snippets/edge_worker_port.sh >/dev/null
PATH="$root/target/docs-install/bin:$PATH" bash examples/try-one.sh >/dev/null

echo "== docs: Python (the wheel installed into .venv as python.sh does)"
[ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
.venv/bin/python -m pip install --quiet -r python/requirements-dev.txt
wheels=target/wheels-docs
rm -rf "$wheels"
(cd python && "$root/.venv/bin/maturin" build --quiet --out "$root/$wheels")
.venv/bin/python -m pip install --quiet --force-reinstall --no-deps "$wheels"/hookseal-*.whl
.venv/bin/python docs/snippets/readme.py
.venv/bin/python docs/snippets/stores_sqlite.py

echo "== docs: Go (the static library built by go generate)"
(cd go && go generate ./...)
(cd docs/snippets/go && go vet ./... && test -z "$(gofmt -l .)" && go run ./readme && go run ./goreadme)

echo "== docs: the store snippets against real Redis and PostgreSQL"
bash scripts/ci/stores.sh --node-drivers >/dev/null
(cd docs/snippets && node npm_stores.mjs)   # SQLite: better-sqlite3, installed just above
bash scripts/ci/stores.sh --with-servers -- bash -c '
  set -e
  (cd docs/snippets && node stores_redis.mjs)
  (cd docs/snippets/go && go run ./stores)
'
echo "docs: every snippet ran"
