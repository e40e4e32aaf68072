#!/usr/bin/env bash
# Builds the static C library the Go module links (go/lib/libhookseal.a) from the Rust
# crate bindings/c. Run it through `go generate ./...` in go/; it needs only cargo.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cargo build --release --quiet -p hookseal-c --manifest-path "$root/Cargo.toml"
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$here/lib"
# Copy then rename, so a test binary linking at the same moment never sees half a file.
cp "$target/release/libhookseal.a" "$here/lib/libhookseal.a.tmp"
mv "$here/lib/libhookseal.a.tmp" "$here/lib/libhookseal.a"
echo "built $here/lib/libhookseal.a"
