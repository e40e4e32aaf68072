#!/usr/bin/env bash
# The Go modules of a release, exactly as their version tags hold them, in file-system
# GOPROXY layout under OUT (GOPROXY=file://OUT serves them):
#   OUT/github.com/hookseal/hookseal/go/@v/{list,vX.Y.Z.info,vX.Y.Z.mod,vX.Y.Z.zip}
#   OUT/github.com/hookseal/hookseal/go/store/<name>/@v/...   (sqlitestore, redisstore, pgstore)
#   OUT/github.com/hookseal/hookseal/go/gin/@v/...            (the gin adapter)
# The root module carries what `go build` needs and no checkout has: the static library of
# bindings/c for each platform (lib/<goos>_<goarch>/libhookseal.a, release profile,
# debug info stripped) and the wasm engine's module (internal/engine/hookseal.wasm).
#
#   bash scripts/release/go-module.sh OUT [RUST_TARGET...]
# RUST_TARGET defaults to the Linux glibc targets (x86_64, aarch64; zig at the glibc floor
# of tools.sh). A macOS or Windows runner passes its own (x86_64-apple-darwin,
# aarch64-apple-darwin, x86_64-pc-windows-gnu). HOOKSEAL_GO_PREBUILT=DIR adds libraries
# that other runners built, as DIR/<goos>_<goarch>/libhookseal.a (the release workflow's
# macOS and Windows ones); they are stripped like the ones built here.
#
# Never a development build: the module's files come from `git archive HEAD go` (tracked
# files only; lib/ and the .wasm are gitignored) plus what this script builds itself.
# The release commit of a tag is that same tree (go/README.md, "Releases").
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT [RUST_TARGET...]" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
# Only this run's modules in OUT: an earlier run's zips would be served beside them.
rm -rf "$out/github.com/hookseal/hookseal/go"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu)
# shellcheck source=tools.sh
source "$here/tools.sh"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
module=github.com/hookseal/hookseal/go
version="v$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
if ! git -C "$root" diff --quiet HEAD -- go bindings/c core Cargo.toml Cargo.lock; then
  echo "warning: go/, bindings/c, core or Cargo.* differ from HEAD: the libraries are built from the working tree, the Go files from HEAD" >&2
fi

# rust target -> Go platform directory
platform() {
  case $1 in
    x86_64-unknown-linux-gnu) echo linux_amd64 ;;
    aarch64-unknown-linux-gnu) echo linux_arm64 ;;
    x86_64-apple-darwin) echo darwin_amd64 ;;
    aarch64-apple-darwin) echo darwin_arm64 ;;
    x86_64-pc-windows-gnu) echo windows_amd64 ;;
    *) echo "no Go platform for $1 (go/internal/engine/cgo.go lists the supported ones)" >&2; return 1 ;;
  esac
}

stage="$(mktemp -d)"
# The module cache is read-only: make it writable so that the trap can remove it.
trap 'chmod -R u+w "$stage" 2>/dev/null; rm -rf "$stage"' EXIT
tree="$stage/go"
git -C "$root" archive --format=tar HEAD go | tar -x -C "$stage"

echo "== go: static libraries (${targets[*]})"
# Debug info (most of it the standard library's) is for no linker: 8.9 MB -> 3.7 MB for
# linux/amd64. llvm-strip reads every platform's objects; without it, stripping is skipped.
strip_tool="$(command -v llvm-strip || compgen -c llvm-strip- | sort -V | tail -1 || true)"
strip_lib() { # in out
  if [ -n "$strip_tool" ]; then
    "$strip_tool" --strip-debug "$1" -o "$2"
  else
    echo "warning: no llvm-strip: $2 keeps its debug info" >&2
    cp "$1" "$2"
  fi
}
for t in "${targets[@]}"; do
  plat="$(platform "$t")"
  case $t in
    *-linux-gnu) (cd "$root" && cargo zigbuild --quiet --release -p hookseal-c --target "$t.$HOOKSEAL_GLIBC_FLOOR") ;;
    *) (cd "$root" && cargo build --quiet --release -p hookseal-c --target "$t") ;;
  esac
  mkdir -p "$tree/lib/$plat"
  strip_lib "$target_dir/$t/release/libhookseal.a" "$tree/lib/$plat/libhookseal.a"
done
if [ -n "${HOOKSEAL_GO_PREBUILT:-}" ]; then
  for lib in "$HOOKSEAL_GO_PREBUILT"/*/libhookseal.a; do
    [ -e "$lib" ] || continue
    plat="$(basename "$(dirname "$lib")")"
    mkdir -p "$tree/lib/$plat"
    strip_lib "$lib" "$tree/lib/$plat/libhookseal.a"
  done
fi
ls -l "$tree"/lib/*/libhookseal.a | awk '{print $5, $9}' | sed "s|$tree/||"

echo "== go: the wasm engine"
bash "$root/go/build-wasm.sh" "$tree/internal/engine/hookseal.wasm" >/dev/null

# A module is its directory minus every nested module (a directory with its own go.mod).
write_module() { # path dir
  local path="$1" dir="$2" at="$out/$1/@v"
  mkdir -p "$at"
  cp "$dir/go.mod" "$at/$version.mod"
  printf '{"Version":"%s","Time":"%s"}\n' "$version" \
    "$(git -C "$root" log -1 --format=%cd --date=format-local:%Y-%m-%dT%H:%M:%SZ)" >"$at/$version.info"
  echo "$version" >"$at/list"
  python3 - "$path@$version" "$dir" "$at/$version.zip" <<'PY'
import os, sys, zipfile
prefix, top, dest = sys.argv[1], sys.argv[2], sys.argv[3]
files = []
for d, dirs, names in os.walk(top):
    # Nested modules are modules of their own; vendor/ and VCS directories never ship.
    dirs[:] = sorted(x for x in dirs if x not in ("vendor", ".git", ".hg")
                     and not os.path.exists(os.path.join(d, x, "go.mod")))
    files += [os.path.join(d, n) for n in names]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
    for f in sorted(files):
        z.write(f, prefix + "/" + os.path.relpath(f, top).replace(os.sep, "/"))
PY
}

echo "== go: $module@$version"
write_module "$module" "$tree"

# The store modules require the root module at this version (not the checkout's replace),
# with its hashes in their go.sum, as `go mod tidy` would write them after the tag.
sums="$(cd "$stage" && GOPROXY="file://$out" GOSUMDB=off GOMODCACHE="$stage/modcache" go mod download -json "$module@$version" |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["Sum"]); print(d["GoModSum"])')"
for dir in "$tree"/store/*/ "$tree"/gin/; do
  [ -f "$dir/go.mod" ] || continue
  name="${dir#"$tree"/}"
  name="${name%/}"
  (cd "$dir" && go mod edit -require="$module@$version" -dropreplace="$module")
  sed -i '/^\/\/ .*the hookseal module beside it/d' "$dir/go.mod"
  {
    echo "$module $version $(sed -n 1p <<<"$sums")"
    echo "$module $version/go.mod $(sed -n 2p <<<"$sums")"
  } >>"$dir/go.sum"
  echo "== go: $module/$name@$version"
  write_module "$module/$name" "$dir"
done
(cd "$out" && find . -name '*.zip' | sort | xargs ls -l | awk '{print $5, $9}')
