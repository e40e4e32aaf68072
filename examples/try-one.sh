#!/usr/bin/env bash
# examples/README.md's "Try one against the provider simulator", as written: the Flask
# example on port 3000 and a Salesbooth delivery sent to it twice (the replay must be
# acknowledged as a duplicate). Run by scripts/ci/docs.sh with `hookseal` on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/docs/background.sh
hookseal() {
  # The send waits for the receiver that the line before started in the background.
  [ "$1" != send ] || wait_for_port 3000
  command hookseal "$@"
}

# --- examples/README.md
export SALESLAB_SIGNING_SECRET=sl_demo SALESOS_WEBHOOK_SECRET=whsec_os \
       SALESBOOTH_WEBHOOK_SECRET=whsec_sb SALESCALING_TOKEN=sc_tok
bash examples/flask/demo-receiver.sh build && bash examples/flask/demo-receiver.sh run 3000 &
hookseal send --provider salesbooth --url http://127.0.0.1:3000/salesbooth --secret whsec_sb --replay
# --- end

echo "examples/README.md: ok"
