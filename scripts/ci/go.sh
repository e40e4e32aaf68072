#!/usr/bin/env bash
# The C ABI (bindings/c) and the Go module (go/): header drift (cbindgen, and the module's
# copy), Rust lints and tests (the wasm32 build too), the C smoke tests over every shared
# vector under valgrind; then the Go suite once per engine (cgo; wasm under wazero, with
# -race through the hookseal_wasm tag and with CGO_ENABLED=0), go vet and staticcheck for
# both, -asan for cgo; and the released module installed into a fresh module outside the
# checkout from a local GOPROXY with no cargo on the PATH (go/testdata/freshreceiver).
# Runnable from the repo root on a fresh machine; idempotent.
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
# The Go module carries its own copy (go get has no bindings/c).
if ! diff -u bindings/c/include/hookseal.h go/include/hookseal.h; then
  echo "go/include/hookseal.h drifted from bindings/c/include/hookseal.h: run cp bindings/c/include/hookseal.h go/include/" >&2
  exit 1
fi

echo "== go: hookseal-c fmt, clippy (host and wasm32), unit tests"
cargo fmt -p hookseal-c -- --check
cargo clippy -p hookseal-c --all-targets -- -D warnings
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo clippy -p hookseal-c --target wasm32-unknown-unknown -- -D warnings
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

echo "== go: go generate (static library and wasm module for this host, sentinels, typed events), gofmt"
cd go
go generate ./...
# The sentinels are generated from the C header and the receive contract: the
# committed file must be what the generator writes now.
if ! git ls-files --error-unmatch codes_generated.go >/dev/null || ! git diff --exit-code -- codes_generated.go; then
  echo "go/codes_generated.go drifted from the C header: run (cd go && go generate ./...) and commit it" >&2
  exit 1
fi
# The typed events (events/<provider>/: the Go types and the schema copies they embed)
# are generated from core/events/ by the same go generate: committed, and current.
if [ -n "$(git status --porcelain -- events)" ]; then
  git status --short -- events >&2
  echo "go/events drifted from core/events/: run (cd go && go generate ./events) and commit it" >&2
  exit 1
fi
unformatted="$(gofmt -l .)"
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi

# staticcheck at the version the Go proxy serves (honnef.co/go/tools), installed once.
gobin="$(go env GOPATH)/bin"
staticcheck_version=v0.8.2
if ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "${staticcheck_version#v}"; then
  go install "honnef.co/go/tools/cmd/staticcheck@$staticcheck_version"
fi

# One run of vet, staticcheck and the whole suite per engine: GOFLAGS picks it.
#   cgo    the static library (cgo.go)
#   wasm   the same crate under wazero: -race needs cgo on, so the hookseal_wasm tag picks
#          the engine, then CGO_ENABLED=0 proves no C toolchain or library is needed
#          (the store contract, storetest, included)
for engine in cgo wasm; do
  flags=""
  [ "$engine" = wasm ] && flags="-tags=hookseal_wasm"
  echo "== go ($engine engine): go vet, staticcheck, go test -race"
  GOFLAGS="$flags" go vet ./...
  GOFLAGS="$flags" "$gobin/staticcheck" ./...
  GOFLAGS="$flags" go test -race -count=1 ./...
done
echo "== go (wasm engine): CGO_ENABLED=0 go vet, go test"
CGO_ENABLED=0 go vet ./...
CGO_ENABLED=0 go test -count=1 ./...
for store in store/*/; do
  (cd "$store" && go vet ./... && CGO_ENABLED=0 go vet ./...)
done
# The net/http example builds against this module (the demo runs it).
(cd ../examples/go-nethttp && go vet ./...)
# The gin adapter (a module of its own: the root gains no dependency) against a real gin
# server, and the chi, echo and gin receivers of examples/go-frameworks over HTTP.
(cd gin && go vet ./... && go test -race -count=1 ./...)
# The OpenTelemetry recorder (a module of its own, like gin) against sdk/metric's
# ManualReader, with each engine.
(cd otel && go vet ./... && go test -race -count=1 ./... && CGO_ENABLED=0 go test -count=1 ./...)
(cd ../examples/go-frameworks && go vet ./... && test -z "$(gofmt -l .)" && go test -count=1 ./...)

# The Go side's memory safety: the cgo boundary under AddressSanitizer (the C side runs
# under valgrind above). The root package is where every cgo call lives (and the
# Close racing 64 goroutines); internal/... reads the receive contract.
echo "== go: go test -asan"
go test -asan -count=1 . ./internal/...
cd "$root"

# The released module, as a user gets it: scripts/release/go-module.sh writes the modules
# to a local GOPROXY (it builds the arm64 library and the wasm once; cargo's cache makes
# the host's a copy); a fresh module in a mktemp directory, with no cargo on the PATH,
# `go get`s it and builds and runs go/testdata/freshreceiver with each engine, then
# cross-builds it for linux/arm64 with each (cgo through zig cc).
echo "== go: the released module from a local GOPROXY, in a fresh module without cargo"
source scripts/release/tools.sh
freshdir="$(mktemp -d)"
trap 'rm -f "$fresh"; chmod -R u+w "$freshdir" 2>/dev/null; rm -rf "$freshdir"' EXIT
bash scripts/release/go-module.sh "$freshdir/goproxy" >/dev/null
version="v$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)"
mkdir "$freshdir/app"
cp go/testdata/freshreceiver/main.go "$freshdir/app/"
nocargo="$(tr ':' '\n' <<<"$PATH" | grep -v -e '/\.cargo/bin' -e '/\.rustup' | paste -sd: -)"
(
  cd "$freshdir/app"
  export PATH="$nocargo" GOFLAGS=-mod=mod GONOSUMDB=github.com/hookseal GOSUMDB=off
  # hookseal from the local proxy; wazero from this machine's module cache, else the Go proxy.
  export GOPROXY="file://$freshdir/goproxy,file://$(go env GOMODCACHE)/cache/download,$(go env GOPROXY)"
  export GOMODCACHE="$freshdir/modcache"
  if command -v cargo >/dev/null; then
    echo "cargo is still on the PATH: $(command -v cargo)" >&2
    exit 1
  fi
  go mod init example.com/freshreceiver >/dev/null 2>&1
  # go/README.md's first step, as written: the latest version is the one just built.
  go get github.com/hookseal/hookseal/go
  got="$(go list -m -f '{{.Version}}' github.com/hookseal/hookseal/go)"
  [ "$got" = "$version" ] || { echo "go get took $got, not $version" >&2; exit 1; }
  for cgo in 1 0; do
    CGO_ENABLED=$cgo go build -o receiver .
    ./receiver
    CGO_ENABLED=$cgo go run .
  done
  CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC="zig cc -target aarch64-linux-gnu" go build -o receiver-arm64-cgo .
  CGO_ENABLED=0 GOOS=linux GOARCH=arm64 go build -o receiver-arm64-wasm .
  for bin in receiver-arm64-cgo receiver-arm64-wasm; do
    file "$bin" | grep -q 'ARM aarch64' || { file "$bin"; exit 1; }
  done
  ls -l receiver receiver-arm64-cgo receiver-arm64-wasm | awk '{print $5, $9}'
)
