#!/usr/bin/env bash
# Builds the wasm engine's module: the C ABI crate bindings/c for wasm32-unknown-unknown,
# written to OUT (development: internal/engine/hookseal.wasm through `go generate`;
# release: the staging tree of scripts/release/go-module.sh).
#   bash go/build-wasm.sh OUT
# The profile is bindings/wasm/build.sh's (opt-level "s", fat LTO, one codegen unit,
# panic=abort, simd128): under wazero, opt-level 3, no simd128 and sha2's other soft
# backends were measured no faster (the time is SHA-256 blocks either way) and up to 47 KB
# larger. Symbols are stripped: nothing reads them. No wasm-opt: it has nothing left to
# drop from a stripped module that a host compiles itself.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT.wasm" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$1"
target="${CARGO_TARGET_DIR:-$root/target}"
(
  cd "$root"
  RUSTFLAGS="-C target-feature=+simd128" \
  CARGO_PROFILE_RELEASE_LTO=fat \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s \
  CARGO_PROFILE_RELEASE_PANIC=abort \
  CARGO_PROFILE_RELEASE_STRIP=symbols \
    cargo build --quiet -p hookseal-c --target wasm32-unknown-unknown --release
)
mkdir -p "$(dirname "$out")"
cp "$target/wasm32-unknown-unknown/release/hookseal.wasm" "$out.tmp"
mv "$out.tmp" "$out"
echo "built $out ($(wc -c <"$out") bytes)"
