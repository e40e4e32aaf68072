#!/usr/bin/env bash
# The hookseal command as prebuilt binaries, and the three crates as crates.io gets them:
#   OUT/hookseal-<version>-<target>.tar.gz   hookseal-<version>-<target>/{hookseal, README.md,
#                                             LICENSE-MIT, LICENSE-APACHE}
#   OUT/crates/hookseal-<version>.crate, OUT/crates/hookseal-events-<version>.crate,
#   OUT/crates/hookseal-cli-<version>.crate
#     (source, the same on every platform: packaged where the Linux binaries are built)
# Usage: bash scripts/release/cli.sh OUT [RUST_TARGET...]
#   default targets: the Linux ones of tools.sh; .github/workflows/release.yml passes its
#   runner's native target (Apple: cargo build; Windows: hookseal.exe in the archive).
# Linux builds go through cargo zigbuild, the gnu ones against glibc $HOOKSEAL_GLIBC_FLOOR.
# Every binary is checked with `file` for its architecture (and, on Linux, for static
# linking with musl or for its glibc floor with objdump -T) before it is archived.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT [RUST_TARGET...]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
shift
cd "$root"
# The build tools on Linux, and on every runner the one check of a built binary.
# shellcheck source=scripts/release/tools.sh
. scripts/release/tools.sh
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${HOOKSEAL_LINUX_TARGETS[@]}")
linux=0
for t in "${targets[@]}"; do case $t in *-linux-*) linux=1 ;; esac; done
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || { echo "no workspace version in Cargo.toml" >&2; exit 1; }
# Symbols are of no use to someone who downloads the command; only this build strips them
# (the workspace profile keeps the sections that wasm-bindgen needs).
export CARGO_PROFILE_RELEASE_STRIP=symbols

# The command of a musl build links nothing at all: it runs on any Linux.
check_static() { # target, binary
  case $1 in
    *-linux-musl)
      ! command -v file >/dev/null || grep -Eq 'static(ally|-pie) linked' <<<"$(file -b "$2")" \
        || { echo "$2 is not static" >&2; return 1; } ;;
  esac
}

for target in "${targets[@]}"; do
  echo "== cli: hookseal for $target"
  case $target in
    *-linux-gnu) cargo zigbuild --release --locked -p hookseal-cli --target "$target.$HOOKSEAL_GLIBC_FLOOR" ;;
    *-linux-*) cargo zigbuild --release --locked -p hookseal-cli --target "$target" ;;
    *) rustup target add "$target" >/dev/null; cargo build --release --locked -p hookseal-cli --target "$target" ;;
  esac
  exe=hookseal
  case $target in *-windows-*) exe=hookseal.exe ;; esac
  hookseal_check_binary "target/$target/release/$exe" "$target"
  check_static "$target" "target/$target/release/$exe"
  name="hookseal-$version-$target"
  stage="$(mktemp -d)"
  mkdir "$stage/$name"
  cp "target/$target/release/$exe" "$stage/$name/"
  # -L: the crates' LICENSE files are links to these; the archive holds the text.
  cp -L LICENSE-MIT LICENSE-APACHE "$stage/$name/"
  cp docs/cli.md "$stage/$name/README.md"
  tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
  rm -rf "$stage"
done

sizes() { for f in "$@"; do echo "$(wc -c <"$f" | tr -d ' ') $f"; done; }
[ $linux -eq 1 ] || { sizes "$out"/*.tar.gz; exit 0; }
echo "== cli: the crates hookseal, hookseal-events and hookseal-cli (cargo package, verified together)"
# --allow-dirty: local runs package a working tree; the release workflow packages a tag's
# clean checkout, and `cargo publish` there refuses a dirty one.
# Cargo verifies hookseal-cli against the packaged core through a local registry in
# target/package/, and keeps what it unpacks from there in CARGO_HOME under the same
# version: drop the copy of an earlier run, or the command is checked against an old core.
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/hookseal-"$version" \
  "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/hookseal-events-"$version" \
  "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/hookseal-cli-"$version"
cargo package --locked --allow-dirty -p hookseal -p hookseal-events -p hookseal-cli
mkdir -p "$out/crates"
cp "target/package/hookseal-$version.crate" "target/package/hookseal-events-$version.crate" \
  "target/package/hookseal-cli-$version.crate" "$out/crates/"
sizes "$out"/*.tar.gz "$out"/crates/*.crate
