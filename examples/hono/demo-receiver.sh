#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs what this example needs, `run PORT` serves it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
case ${1:-} in
  build)
    command -v node >/dev/null || { echo "node is not installed"; exit 1; }
    # The hookseal npm package, built from this checkout (as scripts/ci/node.sh does).
    if ! ls "$root"/npm/hookseal.*.node >/dev/null 2>&1 || [[ ! -e $root/npm/cjs/index.js ]]; then
      (cd "$root/npm" && npm install --no-audit --no-fund && npm run build)
    fi
    cd "$here" && npm install --no-audit --no-fund
    ;;
  run) cd "$here" && PORT=$2 exec node server.js ;;
  *) echo "usage: $0 build | run PORT" >&2; exit 2 ;;
esac
