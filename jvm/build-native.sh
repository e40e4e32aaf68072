#!/usr/bin/env bash
# Builds the native library (bindings/uniffi) and generates the Kotlin over it, into
# jvm/hookseal/target/ where the Maven build picks them up:
#   target/generated-sources/uniffi/   uniffi's Kotlin and the exception classes
#   target/native/linux-x86-64/        libhookseal_uniffi.so, where JNA looks in the jar
# Usage: jvm/build-native.sh [debug|release]   (debug for tests, release for benchmarks)
# The release workflow adds other platforms' libraries beside linux-x86-64/ (JNA's
# prefixes: linux-aarch64, darwin-aarch64, win32-x86-64, ...).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${1:-debug}"
cd "$root"
flag=(); [ "$profile" = release ] && flag=(--release)
# The generators run from a debug build whatever the profile: they read the library's
# metadata, which is the same in both, and a release build of uniffi's generator is
# minutes of linking for nothing.
cargo build -p hookseal-uniffi --bins
cargo build -p hookseal-uniffi "${flag[@]}" --lib
lib="target/$profile/libhookseal_uniffi.so"
out="jvm/hookseal/target"
rm -rf "$out/generated-sources/uniffi" "$out/native"
mkdir -p "$out/generated-sources/uniffi/io/hookseal" "$out/native/linux-x86-64"
# The generator reads uniffi's metadata from the unstripped library ...
"target/debug/uniffi-bindgen" generate "$lib" --language kotlin --no-format \
  --config bindings/uniffi/bindgen.toml --out-dir "$out/generated-sources/uniffi"
"target/debug/kotlin-errors" "$out/generated-sources/uniffi/io/hookseal/HooksealErrors.kt"
# ... which the jar does not need: strip keeps the exported functions, drops the rest.
strip -o "$out/native/linux-x86-64/libhookseal_uniffi.so" "$lib"
