#!/usr/bin/env bash
# The demo as a suite of its own: every receiver x every provider x every case, each
# receiver built from this checkout (a receiver that cannot be built fails the suite).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash scripts/demo.sh
