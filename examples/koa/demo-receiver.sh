#!/usr/bin/env bash
# Used by scripts/demo.sh: `build` installs what this example needs, `run PORT` serves it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/../demo-lib.sh"
node_receiver "$here" "$@"
