#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs what this example needs and builds it
# (next build, about half a minute), `run PORT` serves it with `next start`.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
case ${1:-} in
  build) hookseal_npm && cd "$here" && npm install --no-audit --no-fund && NEXT_TELEMETRY_DISABLED=1 npm run build ;;
  run) cd "$here" && NEXT_TELEMETRY_DISABLED=1 exec node_modules/.bin/next start -H 127.0.0.1 -p "$2" ;;
  *) echo "usage: demo-receiver.sh build | run PORT" >&2; exit 2 ;;
esac
