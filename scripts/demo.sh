#!/usr/bin/env bash
# The hookseal demo: signed events from every provider sent to real receivers in every
# runtime (scripts/demo/run.py says what it does).
#
#   bash scripts/demo.sh                               # every receiver
#   DEMO_RECEIVERS="listen express" bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/demo/run.py "$@"
