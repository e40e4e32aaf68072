# Sourced by the release and package scripts: the cross-build tools, installed once into
# target/release-tools/ from the registries (zig from PyPI's `ziglang`, `cargo-zigbuild`,
# `maturin`), the Rust targets that this machine builds for, and the one check of a built
# Linux binary (hookseal_check_binary).
#   source scripts/release/tools.sh   # then: zig, cargo-zigbuild, maturin on PATH
# Linux targets built here; macOS and Windows come from .github/workflows/release.yml,
# whose runners build only their own target with their own toolchain: there this file
# defines the names below and installs nothing.
HOOKSEAL_LINUX_TARGETS=(
  x86_64-unknown-linux-gnu
  aarch64-unknown-linux-gnu
  x86_64-unknown-linux-musl
  aarch64-unknown-linux-musl
)
# The glibc floor of the glibc builds: 2.17, the manylinux2014 baseline (CentOS 7), below
# the glibc of every still-supported LTS distribution (RHEL 8: 2.28, Ubuntu 20.04: 2.31).
HOOKSEAL_GLIBC_FLOOR=2.17

# hookseal_check_binary FILE TARGET: FILE (an executable or a shared library) is for
# TARGET's platform and architecture (ELF, Mach-O or PE, as file(1) names them); a glibc
# build asks for no GLIBC_ symbol version above the floor; a musl build asks for none and
# links no glibc. Prints what it found; fails with the reason. One rule for every
# artifact: the npm addons, the wheels' modules, the command.
hookseal_check_binary() {
  local file=$1 target=$2 pattern what newest
  case $target in
    x86_64-unknown-linux-*) pattern='ELF 64-bit .*x86-64' ;;
    aarch64-unknown-linux-*) pattern='ELF 64-bit .*ARM aarch64' ;;
    x86_64-apple-darwin) pattern='Mach-O 64-bit .*x86_64' ;;
    aarch64-apple-darwin) pattern='Mach-O 64-bit .*arm64' ;;
    x86_64-pc-windows-*) pattern='PE32\+ .*x86-64' ;;
    aarch64-pc-windows-*) pattern='PE32\+ .*Aarch64' ;;
    *) echo "hookseal_check_binary: no rule for $target" >&2; return 1 ;;
  esac
  if ! command -v file >/dev/null; then
    case $target in *-linux-*) echo "file(1) is needed to check $file" >&2; return 1 ;; esac
    echo "   (no file(1) on this runner: $file not checked)"
    return 0
  fi
  what=$(file -b "$file")
  echo "   $(basename "$file"): $what"
  grep -Eq "$pattern" <<<"$what" || { echo "$file is not a $target binary" >&2; return 1; }
  case $target in *-linux-*) ;; *) return 0 ;; esac
  # A static executable has no dynamic symbols, and objdump says so with a failure.
  newest=$({ objdump -T "$file" 2>/dev/null || true; } | { grep -o 'GLIBC_[0-9][0-9.]*' || true; } |
    sed 's/GLIBC_//' | sort -uV | tail -1)
  case $target in
    *-linux-gnu)
      echo "   newest glibc symbol: GLIBC_${newest:-none} (floor $HOOKSEAL_GLIBC_FLOOR)"
      [ -z "$newest" ] || [ "$(printf '%s\n%s\n' "$newest" "$HOOKSEAL_GLIBC_FLOOR" | sort -V | tail -1)" = "$HOOKSEAL_GLIBC_FLOOR" ] \
        || { echo "$file needs GLIBC_$newest, above the floor $HOOKSEAL_GLIBC_FLOOR" >&2; return 1; } ;;
    *-linux-musl)
      [ -z "$newest" ] || { echo "the musl build $file asks for GLIBC_$newest" >&2; return 1; }
      ! readelf -d "$file" 2>/dev/null | grep -q 'NEEDED.*\[libc\.so\.6\]' \
        || { echo "the musl build $file links glibc's libc.so.6" >&2; return 1; }
      echo "   musl: no glibc symbol, no libc.so.6" ;;
  esac
}

[ "$(uname -s)" = Linux ] || return 0

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
