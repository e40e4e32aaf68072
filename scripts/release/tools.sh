# Sourced by the release and package scripts: the cross-build tools, installed once into
# target/release-tools/ from the registries (zig from PyPI's `ziglang`, `cargo-zigbuild`,
# `maturin`), and the Rust targets that this machine builds for.
#   source scripts/release/tools.sh   # then: zig, cargo-zigbuild, maturin on PATH
# Linux targets built here; macOS and Windows come from .github/workflows/release.yml.
HOOKSEAL_LINUX_TARGETS=(
  x86_64-unknown-linux-gnu
  aarch64-unknown-linux-gnu
  x86_64-unknown-linux-musl
  aarch64-unknown-linux-musl
)
# The glibc floor of the glibc builds: 2.17, the manylinux2014 baseline (CentOS 7), below
# the glibc of every still-supported LTS distribution (RHEL 8: 2.28, Ubuntu 20.04: 2.31).
HOOKSEAL_GLIBC_FLOOR=2.17

_hookseal_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_hookseal_tools="$_hookseal_root/target/release-tools"
if [ ! -x "$_hookseal_tools/bin/cargo-zigbuild" ] || [ ! -x "$_hookseal_tools/bin/zig" ]; then
  echo "== tools: zig, cargo-zigbuild and maturin into target/release-tools/ (PyPI)"
  python3 -m venv "$_hookseal_tools"
  "$_hookseal_tools/bin/python" -m pip install --quiet --upgrade pip
  "$_hookseal_tools/bin/python" -m pip install --quiet \
    "ziglang==0.15.2" "cargo-zigbuild==0.24.1" "maturin==1.16.0"
  # `zig` as a command: maturin and cargo-zigbuild look for it on PATH.
  printf '#!/bin/sh\nexec "%s/bin/python" -m ziglang "$@"\n' "$_hookseal_tools" \
    >"$_hookseal_tools/bin/zig"
  chmod +x "$_hookseal_tools/bin/zig"
fi
export PATH="$_hookseal_tools/bin:$PATH"
_hookseal_missing=()
for _t in "${HOOKSEAL_LINUX_TARGETS[@]}"; do
  rustup target list --installed | grep -qx "$_t" || _hookseal_missing+=("$_t")
done
[ ${#_hookseal_missing[@]} -eq 0 ] || rustup target add "${_hookseal_missing[@]}" >/dev/null
unset _t _hookseal_missing
