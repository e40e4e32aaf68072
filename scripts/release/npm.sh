#!/usr/bin/env bash
# The npm artifacts, as `npm pack` tarballs in OUT:
#   hookseal-X.tgz                   the JS layer, its types and the wasm engine (no addon),
#                                    with every @hookseal/<platform> as optionalDependencies
#   hookseal-<platform>-X.tgz        one release addon each, for each RUST_TARGET
# Usage: bash scripts/release/npm.sh OUT [RUST_TARGET...]
#   default targets: HOOKSEAL_LINUX_TARGETS (scripts/release/tools.sh), cross-built with zig;
#   the release workflow passes its runner's native target (macOS, Windows).
# The platform manifests are committed in npm/npm/<platform>/ (the `napi create-npm-dirs`
# layout); this script copies them into a staging folder with the addon, so the checkout
# is left as it was. Each addon is checked for its architecture, the glibc ones for the
# newest GLIBC_ symbol they need (at most HOOKSEAL_GLIBC_FLOOR), the musl ones for none
# (and no libc.so.6).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT [RUST_TARGET...]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
shift
# shellcheck source=scripts/release/tools.sh
source "$root/scripts/release/tools.sh"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${HOOKSEAL_LINUX_TARGETS[@]}")

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
rm -f "$out"/*.tgz

echo "== npm: build tools (npm ci in npm/: @napi-rs/cli, esbuild)"
(cd "$root/npm" && npm ci --no-audit --no-fund --loglevel=error)
napi="$root/npm/node_modules/.bin/napi"

for target in "${targets[@]}"; do
  echo "== npm: the release addon for $target"
  build="$stage/build/$target"
  mkdir -p "$build"
  args=(build --platform --release --no-js --manifest-path "$root/bindings/node/Cargo.toml"
        --package-json-path "$root/npm/package.json" --output-dir "$build" --dts "$stage/binding.d.ts")
  case $target in
    # zig links every Linux build: the glibc ones against the floor's symbol versions
    # (cargo-zigbuild reads `TARGET.2.17`), the musl ones as shared objects, which Rust's
    # musl targets refuse to build with the static C runtime they default to.
    *-linux-gnu) args+=(--cross-compile --target "$target.$HOOKSEAL_GLIBC_FLOOR") ;;
    *-linux-musl)
      args+=(--cross-compile --target "$target")
      export "CARGO_TARGET_$(echo "$target" | tr 'a-z-' 'A-Z_')_RUSTFLAGS=-C target-feature=-crt-static"
      ;;
    *) args+=(--target "$target") ;;
  esac
  (cd "$root/npm" && "$napi" "${args[@]}")
  addon="$(find "$build" -maxdepth 1 -name 'hookseal.*.node')"
  [ "$(echo "$addon" | wc -l)" = 1 ] && [ -n "$addon" ] || { echo "npm.sh: no single addon in $build" >&2; exit 1; }
  platform="$(basename "$addon" .node)"
  platform="${platform#hookseal.}"
  hookseal_check_binary "$addon" "$target"
  manifest="$root/npm/npm/$platform"
  [ -f "$manifest/package.json" ] || { echo "npm.sh: no npm/npm/$platform/package.json for $target" >&2; exit 1; }
  pkg="$stage/pkg/$platform"
  mkdir -p "$pkg"
  cp "$manifest/package.json" "$manifest/README.md" "$addon" "$pkg/"
  (cd "$pkg" && npm pack --pack-destination "$out" --silent >/dev/null)
done

echo "== npm: the wasm engine (bindings/wasm/build.sh into npm/wasm/) and the CommonJS build"
# shellcheck source=npm/scripts/wasm-tools.sh
source "$root/npm/scripts/wasm-tools.sh"
bash "$root/bindings/wasm/build.sh"
(cd "$root/npm" && npm run build:cjs --silent)

echo "== npm: hookseal, with the platform packages as optionalDependencies"
# What `napi prepublish` does to package.json, done to a copy: the checkout's manifest
# lists none, as no @hookseal/<platform> exists for a development install to resolve.
main="$stage/pkg/hookseal"
mkdir -p "$main"
(cd "$root/npm" && cp -r package.json README.md binding.cjs src cjs types wasm scripts "$main/")
node "$root/npm/scripts/optional-dependencies.mjs" "$main/package.json"
# npm pack runs the package's prepack check (scripts/check-pack.mjs): no wasm engine, no tarball.
(cd "$main" && npm pack --pack-destination "$out" --silent >/dev/null)

echo "== npm: artifacts in $out"
(cd "$out" && ls -l ./*.tgz | awk '{print $5, $9}')
