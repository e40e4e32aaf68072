#!/usr/bin/env bash
# Builds the wasm engine into npm/wasm/: the `.wasm` (shrunk by wasm-opt) with its
# wasm-bindgen glue for the `web` target (workerd, Deno, browsers, bundlers) and the
# `nodejs` target (the fallback engine of the main `hookseal` entry).
#
#   bash bindings/wasm/build.sh            # from anywhere
#   HOOKSEAL_WASM_SIMD=0 bash bindings/wasm/build.sh   # without simd128, for comparison
#
# Needs: rustup's wasm32-unknown-unknown target, wasm-bindgen-cli at the version pinned in
# Cargo.toml, and `npm ci` run in bindings/wasm (for wasm-opt). scripts/ci/wasm.sh
# installs all three.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/npm/wasm"
target_dir="${CARGO_TARGET_DIR:-$root/target}"

pinned="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$here/Cargo.toml")"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$pinned" ]; then
  echo "wasm-bindgen-cli $pinned is required (found: ${have:-none}); run: cargo install wasm-bindgen-cli --version $pinned" >&2
  exit 1
fi

# Size-optimised (`opt-level = "z"`, then `wasm-opt -Oz`) with one codegen unit and full
# LTO: the budget is 64 KiB gzipped. The time goes to SHA-256 blocks, so `sha2` alone is
# optimised for speed (`opt-level = 3`): that costs no size over `z` everywhere, and is
# 0.9 KiB gzipped smaller than `s` everywhere. No `strip`: wasm-bindgen reads the custom
# sections that stripping would remove; wasm-opt drops what is left after it.
features=""
opt_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
              --enable-mutable-globals --enable-reference-types --enable-multivalue)
# simd128 (in every engine that runs Workers, Deno and Node) gives sha2 its wasm32 SIMD
# backend: faster in both Node and workerd (docs/benchmarks/wasm.md).
if [ "${HOOKSEAL_WASM_SIMD:-1}" = 1 ]; then
  features="-C target-feature=+simd128"
  opt_features+=(--enable-simd)
fi
(
  cd "$root"
  RUSTFLAGS="$features" \
  CARGO_PROFILE_RELEASE_LTO=fat \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
  CARGO_PROFILE_RELEASE_PANIC=abort \
    cargo build -p hookseal-wasm --target wasm32-unknown-unknown --release \
      --config 'profile.release.package.sha2.opt-level=3'
)
wasm="$target_dir/wasm32-unknown-unknown/release/hookseal_wasm.wasm"

for target in web nodejs; do
  dir="$out/${target/nodejs/node}"
  rm -rf "$dir"
  wasm-bindgen "$wasm" --target "$target" --out-dir "$dir" --out-name hookseal_wasm --no-typescript
  "$here/node_modules/.bin/wasm-opt" -Oz --strip-producers --strip-target-features "${opt_features[@]}" \
    "$dir/hookseal_wasm_bg.wasm" -o "$dir/hookseal_wasm_bg.wasm"
done
# The `nodejs` glue `require`s the inline JS snippets (src/shape.rs), which wasm-bindgen
# writes as ES modules: make them CommonJS, so Node < 20.19 (no require of ESM) loads them.
for snippet in "$out"/node/snippets/*/*.js; do
  sed -i 's/^export function \([A-Za-z0-9_]*\)/exports.\1 = function \1/' "$snippet"
done
# The `web` glue is an ES module and the `nodejs` glue CommonJS, whatever the
# enclosing package.json says.
echo '{ "type": "module" }' > "$out/web/package.json"
echo '{ "type": "commonjs" }' > "$out/node/package.json"
ls -l "$out/web/hookseal_wasm_bg.wasm" "$out/node/hookseal_wasm_bg.wasm"
