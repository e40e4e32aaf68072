#!/usr/bin/env bash
# Development build, inside a checkout: the core for this host, from the Rust sources,
# into the paths a released module carries prebuilt (both gitignored):
#   lib/<goos>_<goarch>/libhookseal.a      the static library the cgo engine links
#   internal/engine/hookseal.wasm           the module the CGO_ENABLED=0 engine embeds
# Run it through `go generate ./...` in go/; it needs cargo and rustup's
# wasm32-unknown-unknown target. A release never takes these files: it builds its own
# from a clean export of the tree (scripts/release/go-module.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cargo build --release --quiet -p hookseal-c --manifest-path "$root/Cargo.toml"
target="${CARGO_TARGET_DIR:-$root/target}"
lib="$here/lib/$(go env GOOS)_$(go env GOARCH)"
mkdir -p "$lib"
# Copy then rename, so a test binary linking at the same moment never sees half a file.
cp "$target/release/libhookseal.a" "$lib/libhookseal.a.tmp"
mv "$lib/libhookseal.a.tmp" "$lib/libhookseal.a"
echo "built $lib/libhookseal.a"
bash "$here/build-wasm.sh" "$here/internal/engine/hookseal.wasm"
