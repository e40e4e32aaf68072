# Sourced by scripts/ci/wasm.sh and scripts/release/npm.sh: what bindings/wasm/build.sh
# needs, installed from the registries: rustup's wasm32 target, wasm-bindgen-cli at the
# version bindings/wasm/Cargo.toml pins, and binaryen's wasm-opt (npm, bindings/wasm).
_hookseal_wasm_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
_pinned="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' "$_hookseal_wasm_root/bindings/wasm/Cargo.toml")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$_pinned" ]; then
  # Not --locked: a dependency version in its lockfile is missing from the index.
  cargo install wasm-bindgen-cli --version "$_pinned"
fi
(cd "$_hookseal_wasm_root/bindings/wasm" && npm ci --no-audit --no-fund --loglevel=error)
unset _pinned _hookseal_wasm_root
