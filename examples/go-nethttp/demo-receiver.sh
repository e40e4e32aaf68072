#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` compiles this example, `run PORT` serves it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
bin=${CARGO_TARGET_DIR:-$root/target}/examples-go/go-nethttp
case ${1:-} in
  build) hookseal_go && cd "$here" && go build -o "$bin" . ;;
  run) PORT=$2 exec "$bin" ;;
  *) echo "usage: $0 build | run PORT" >&2; exit 2 ;;
esac
