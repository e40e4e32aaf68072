#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs what this example needs (Bun from npm's `bun`
# package), `run PORT` serves it under Bun.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
case ${1:-} in
  build) hookseal_npm && cd "$here" && npm install --no-audit --no-fund ;;
  run) cd "$here" && PORT=$2 exec node_modules/.bin/bun server.js ;;
  *) echo "usage: demo-receiver.sh build | run PORT" >&2; exit 2 ;;
esac
