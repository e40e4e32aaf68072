#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` builds the wasm engine when it is missing and installs
# this example's npm packages; `run PORT` serves the worker in workerd (serve.mjs).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
case ${1:-} in
  build) hookseal_wasm && cd "$here" && npm install --no-audit --no-fund ;;
  run) cd "$here" && exec node serve.mjs "$2" ;;
  *) echo "usage: demo-receiver.sh build | run PORT" >&2; exit 2 ;;
esac
