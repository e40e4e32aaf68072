#!/usr/bin/env bash
# The C ABI (bindings/c) and the Go module (go/): header drift, Rust lints and tests,
# the C smoke tests over every shared vector under valgrind, then go vet and
# go test -race and -asan. Runnable from the repo root on a fresh machine; idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
target="${CARGO_TARGET_DIR:-$root/target}"
export PATH="$HOME/.cargo/bin:$PATH"

echo "== go: tools"
if ! cbindgen --version 2>/dev/null | grep -q '^cbindgen 0\.29\.'; then
  cargo install cbindgen --version '^0.29' --quiet
fi
if ! command -v valgrind >/dev/null; then
  apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== go: bindings/c/include/hookseal.h matches cbindgen's output"
fresh="$(mktemp)"
trap 'rm -f "$fresh"' EXIT
(cd bindings/c && cbindgen --quiet --config cbindgen.toml --crate hookseal-c --output "$fresh")
if ! diff -u bindings/c/include/hookseal.h "$fresh"; then
  echo "the committed header drifted: run (cd bindings/c && cbindgen --config cbindgen.toml --crate hookseal-c --output include/hookseal.h)" >&2
  exit 1
fi

echo "== go: hookseal-c fmt, clippy, unit tests"
cargo fmt -p hookseal-c -- --check
cargo clippy -p hookseal-c --all-targets -- -D warnings
cargo test -p hookseal-c

echo "== go: C smoke tests under valgrind (every shared vector, and the ABI rules)"
cargo build --release -p hookseal-c
ctest="$target/ctest"
mkdir -p "$ctest"
for test in vectors abi; do
  cc -std=c11 -Wall -Wextra -Werror -O1 -g -I bindings/c/include "bindings/c/tests/$test.c" \
    -L "$target/release" -lhookseal -Wl,-rpath,"$target/release" -o "$ctest/$test"
done
python3 bindings/c/tests/vectors_to_lines.py core/vectors > "$ctest/vectors.txt"
memcheck=(valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible)
"${memcheck[@]}" "$ctest/vectors" "$ctest/vectors.txt"
"${memcheck[@]}" "$ctest/abi"

echo "== go: go generate (static library, sentinels), gofmt, go vet, go test -race"
cd go
go generate ./...
# The sentinels are generated from the C header and the receive contract: the
# committed file must be what the generator writes now.
if ! git ls-files --error-unmatch codes_generated.go >/dev/null || ! git diff --exit-code -- codes_generated.go; then
  echo "go/codes_generated.go drifted from the C header: run (cd go && go generate ./...) and commit it" >&2
  exit 1
fi
unformatted="$(gofmt -l .)"
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...
go test -race -count=1 ./...
# The net/http example builds against this module (the demo runs it).
(cd ../examples/go-nethttp && go vet ./...)

# The Go side's memory safety: the cgo boundary under AddressSanitizer (the C side runs
# under valgrind above). The root package is where every cgo call lives (and the
# Close racing 64 goroutines); internal/receive reads the receive contract.
echo "== go: go test -asan"
go test -asan -count=1 . ./internal/...
