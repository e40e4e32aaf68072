#!/usr/bin/env bash
# examples/edge-worker/README.md's "Run it on a port", as written, from that directory:
# the worker served in workerd on 127.0.0.1:8787 and a SalesLab delivery sent to it
# twice. Run by scripts/ci/docs.sh with `hookseal` on PATH.
set -euo pipefail
. "$(dirname "$0")/../../scripts/docs/background.sh"
cd "$(dirname "$0")/../../examples/edge-worker"
hookseal() {
  # The send waits (up to 30 s) for the server that the line before started in the
  # background; the replay must be acknowledged as a duplicate.
  [ "$1" = send ] || { command hookseal "$@"; return; }
  wait_for_port 8787
  local out
  out=$(command hookseal "$@")
  echo "$out"
  grep -q '(duplicate)' <<<"$out" || { echo "edge_worker_port.sh: the replay was not a duplicate" >&2; return 1; }
}

# --- examples/edge-worker/README.md
export SALESLAB_SIGNING_SECRET=sl_demo SALESOS_WEBHOOK_SECRET=whsec_os \
       SALESBOOTH_WEBHOOK_SECRET=whsec_sb SALESCALING_TOKEN=sc_tok
bash demo-receiver.sh build      # the wasm engine if missing, then npm install
node serve.mjs 8787 &            # workerd through miniflare, on 127.0.0.1:8787
hookseal send --provider saleslab --url http://127.0.0.1:8787/saleslab --secret sl_demo --replay
# --- end
