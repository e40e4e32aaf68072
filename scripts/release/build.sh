#!/usr/bin/env bash
# Every release artifact this machine can build, from a fresh clone, into OUT_DIR:
#   OUT_DIR/npm/      `npm pack` tarballs of hookseal and of each @hookseal/<platform>
#   OUT_DIR/python/   the wheels (manylinux2014, musllinux_1_2; x86_64, aarch64) and the sdist
#   OUT_DIR/goproxy/  the Go modules in file-system GOPROXY layout
#   OUT_DIR/cli/      the hookseal command for each Linux target
# .github/workflows/release.yml runs the same part scripts on the macOS and Windows runners.
# Usage: bash scripts/release/build.sh OUT_DIR [npm|python|go|cli ...]   (default: all)
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 OUT_DIR [npm|python|go|cli ...]" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
shift
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(npm python go cli)
for part in "${parts[@]}"; do
  case $part in
    npm) bash "$here/npm.sh" "$out/npm" ;;
    python) bash "$here/python.sh" "$out/python" ;;
    go) bash "$here/go-module.sh" "$out/goproxy" ;;
    cli) bash "$here/cli.sh" "$out/cli" ;;
    *) echo "unknown part: $part (npm, python, go, cli)" >&2; exit 2 ;;
  esac
done
echo "== release artifacts in $out"
(cd "$out" && find . -type f ! -path './goproxy/cache/*' | sort | xargs ls -l | awk '{print $5, $9}')
