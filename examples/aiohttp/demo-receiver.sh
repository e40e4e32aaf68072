#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs what this example needs, `run PORT` serves it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
case ${1:-} in
  build) hookseal_python "$here/requirements.txt" ;;
  run) cd "$here" && PORT=$2 exec "$root/.venv/bin/python" app.py ;;
  *) echo "usage: $0 build | run PORT" >&2; exit 2 ;;
esac
