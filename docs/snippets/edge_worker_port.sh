#!/usr/bin/env bash
# examples/edge-worker/README.md's "Run it on a port", as written, from that directory:
# the worker served in workerd on 127.0.0.1:8787 and a SalesLab delivery sent to it
# twice. Run by scripts/ci/docs.sh with `hookseal` on PATH.
set -euo pipefail
cd "$(dirname "$0")/../../examples/edge-worker"
# On the way out, stop the background server and the workerd it started.
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
trap 'for job in $(jobs -p); do kill_tree "$job"; done' EXIT
hookseal() {
  # The send waits (up to 30 s) for the server that the line before started in the
  # background; the replay must be acknowledged as a duplicate.
  [ "$1" = send ] || { command hookseal "$@"; return; }
  for _ in $(seq 300); do (exec 3<>/dev/tcp/127.0.0.1/8787) 2>/dev/null && break; sleep 0.1; done
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
