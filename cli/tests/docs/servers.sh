#!/usr/bin/env bash
# docs/cli.md's send and listen blocks, as written: the two listeners first (in the
# background: `hookseal` below wraps the command so that `listen` does not block), then
# the sends, which must all be delivered. Run by cli/tests/docs.rs with `hookseal` on PATH.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/docs/background.sh"
SECRET=whsec_docs_demo
hookseal() {
  if [ "$1" = listen ]; then
    command hookseal "$@" >"listen.$#.log" 2>&1 &
  else
    command hookseal "$@"
  fi
}

# --- docs/cli.md: listen
hookseal listen --port 8787 --scheme auto --secret "$SECRET"       # any path, scheme guessed per request
HOOKSEAL_SECRET_SALESLAB=sl_k HOOKSEAL_SECRET_SALESOS=os_k HOOKSEAL_SECRET_SALESBOOTH=sb_k \
HOOKSEAL_SECRET_SALESCALING=sc_k hookseal listen --providers --port 8788
# --- end

wait_for_port 8787
wait_for_port 8788

# --- docs/cli.md: send
hookseal send --provider saleslab --url http://127.0.0.1:8787/saleslab --secret "$SECRET"
hookseal send --provider salesbooth --list-events
hookseal send --provider salesos --event lead.converted --url http://127.0.0.1:8787/salesos --secret "$SECRET" --time-scale 0.001
hookseal send --provider saleslab --url http://127.0.0.1:8787/saleslab --secret "$SECRET" --replay
# --- end

command hookseal send --provider saleslab --url http://127.0.0.1:8787/saleslab --secret "$SECRET" --replay | grep -q '^  deduplicated: '


command hookseal send --provider salesbooth --url http://127.0.0.1:8788/salesbooth --secret sb_k
echo "docs/cli.md send and listen: ok"
