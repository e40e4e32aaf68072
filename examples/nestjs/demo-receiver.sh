#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs what this example needs and compiles it
# (tsc), `run PORT` serves it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
case ${1:-} in
  build) hookseal_npm && cd "$here" && npm install --no-audit --no-fund && npm run build ;;
  run) cd "$here" && PORT=$2 exec node dist/main.js ;;
  *) echo "usage: demo-receiver.sh build | run PORT" >&2; exit 2 ;;
esac
