#!/usr/bin/env bash
# Node: build the napi-rs addon (bindings/node) and run the npm package's test suite
# (npm/test: every shared vector, the API, the Express, Fetch, Fastify, Koa, NestJS, Next.js,
# Lambda and Bun helpers, the loader's order, npm pack + install), and the Lambda example.
# The packages from a registry: scripts/ci/packages/npm.sh.
# Needs only Rust (stable) and Node >= 18 on the machine; everything else comes from npm
# and crates.io. Idempotent; caches in npm/node_modules and the workspace target/.
# HOOKSEAL_ENGINE=wasm runs the same suite against the wasm engine instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

command -v cargo >/dev/null || { echo "node.sh: cargo (Rust stable) is required" >&2; exit 1; }
command -v node >/dev/null || { echo "node.sh: node is required" >&2; exit 1; }

echo "--- node: rustfmt and clippy on the addon crate"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt -p hookseal-node -- --check
# Not --all-targets: the test build compiles the #[napi] exports away, and with them
# every use of the raw calls in bound.rs.
cargo clippy -p hookseal-node -- -D warnings

cd npm
echo "--- node: npm ci (the committed package-lock.json lists every package, optional ones too)"
npm ci --no-audit --no-fund
echo "--- node: build the release addon (the one users get) and the CommonJS entry points"
npm run build
echo "--- node: tests (engine: ${HOOKSEAL_ENGINE:-native})"
npm test
echo "--- node: the Lambda example (examples/lambda-node), run as a local handler test"
(cd ../examples/lambda-node && npm install --no-audit --no-fund && npm test)
echo "--- node: the tenants example (examples/express-tenants): two tenants, rotation, metrics"
(cd ../examples/express-tenants && npm install --no-audit --no-fund && npm test)
