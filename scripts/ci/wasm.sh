#!/usr/bin/env bash
# WebAssembly: build the wasm engine (bindings/wasm -> npm/wasm), run every shared vector
# and the size budget against it, run the npm package's JS suite with the wasm engine
# (HOOKSEAL_ENGINE=wasm), and run the edge worker example in workerd (miniflare) and Deno.
# Needs only Rust (rustup, stable) and Node 20 on the machine; the wasm32 target,
# wasm-bindgen-cli (crates.io), binaryen, miniflare/workerd, esbuild and Deno (npm) are
# installed here. Idempotent; caches in the workspace target/ and node_modules/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || { echo "wasm.sh: $tool is required" >&2; exit 1; }
done

echo "--- wasm: the wasm32 target, wasm-bindgen-cli (crates.io), binaryen (npm)"
source npm/scripts/wasm-tools.sh

echo "--- wasm: build npm/wasm from scratch"
rm -rf npm/wasm/web npm/wasm/node
bash bindings/wasm/build.sh

echo "--- wasm: the npm package's JS layer (ESM and its CommonJS build)"
(
  cd npm
  npm ci --no-audit --no-fund
  npm run build:cjs
)

echo "--- wasm: the engine against every vector, the size budget, the Node entries"
(cd bindings/wasm && npm test)

echo "--- wasm: the npm package's JS suite over the wasm engine"
(cd npm && HOOKSEAL_ENGINE=wasm npm test)

echo "--- wasm: the edge worker in workerd (miniflare) and in Deno"
# Not `npm ci`: the registry serves only some of Deno's optional per-platform packages,
# so the lockfile cannot list them all, and `npm ci` refuses such a lockfile. The
# committed lockfile is what `npm install` writes here, so it stays unchanged.
(cd examples/edge-worker && npm install --no-audit --no-fund && npm test)

echo "--- wasm: clippy and rustfmt"
cargo clippy -p hookseal-wasm --target wasm32-unknown-unknown -- -D warnings
cargo fmt -p hookseal-wasm -- --check
