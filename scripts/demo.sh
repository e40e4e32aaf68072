#!/usr/bin/env bash
# The hookseal demo: every receiver x every seed provider x every case -> HTTP status,
# checked against SPEC §3 (genuine 200, tampered 401, replayed 200 as a duplicate,
# stale 400, oversize 413). Starts each receiver on 127.0.0.1, stops every process it
# started, exits non-zero if any cell is wrong.
#
#   ./scripts/demo.sh                      # every receiver that can be built here
#   DEMO_RECEIVERS="listen express" ./scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
BIN=$TARGET/debug/hookseal
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/hookseal-demo.XXXXXX")
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do
    # Each receiver runs in its own process group (setsid): stop it and its children.
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The providers' secrets, as each example reads them from its environment.
export SALESLAB_SIGNING_SECRET=sl_demo_signing_secret
export SALESOS_WEBHOOK_SECRET=whsec_salesos_demo
export SALESBOOTH_WEBHOOK_SECRET=whsec_salesbooth_demo
export SALESCALING_TOKEN=sc_demo_token
export HOOKSEAL_SECRET_SALESLAB=$SALESLAB_SIGNING_SECRET
export HOOKSEAL_SECRET_SALESOS=$SALESOS_WEBHOOK_SECRET
export HOOKSEAL_SECRET_SALESBOOTH=$SALESBOOTH_WEBHOOK_SECRET
export HOOKSEAL_SECRET_SALESCALING=$SALESCALING_TOKEN
secret_of() {
  case $1 in
    saleslab) echo "$SALESLAB_SIGNING_SECRET" ;;
    salesos) echo "$SALESOS_WEBHOOK_SECRET" ;;
    salesbooth) echo "$SALESBOOTH_WEBHOOK_SECRET" ;;
    salescaling) echo "$SALESCALING_TOKEN" ;;
  esac
}

PROVIDERS=(saleslab salesos salesbooth salescaling)
CASES=(genuine tampered replayed stale oversize)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_port() { # port name
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "demo: $2 did not start; its log:" >&2
  cat "$LOGS/$2.log" >&2
  return 1
}

# Receivers: `hookseal listen --providers` itself, and examples with a
# `demo-receiver.sh` (`build`: prepare it, failing when it cannot be built here;
# `run PORT`: serve /saleslab, /salesos, /salesbooth and /salescaling on PORT).
build_receiver() {
  case $1 in
    listen) true ;;
    *) bash "examples/$1/demo-receiver.sh" build ;;
  esac
}
run_receiver() { # name port
  case $1 in
    listen) exec "$BIN" listen --providers --port "$2" ;;
    *) exec bash "examples/$1/demo-receiver.sh" run "$2" ;;
  esac
}

# The receivers the demo runs: each added once it passes every cell.
ALL_RECEIVERS=(listen express hono fastapi flask go-nethttp edge-worker)
read -r -a WANTED <<<"${DEMO_RECEIVERS:-${ALL_RECEIVERS[*]}}"

echo "building the hookseal command…"
cargo build -q -p hookseal-cli

RECEIVERS=()
declare -A BASE
for name in "${WANTED[@]}"; do
  if ! build_receiver "$name" >"$LOGS/$name.build.log" 2>&1; then
    if [[ -n ${DEMO_RECEIVERS:-} ]]; then
      echo "demo: $name was asked for but cannot be built:" >&2
      cat "$LOGS/$name.build.log" >&2
      exit 1
    fi
    echo "skipping $name: $(tail -n 1 "$LOGS/$name.build.log")"
    continue
  fi
  port=$(free_port)
  # Its own session and process group, so that cleanup stops its children too.
  setsid bash -c "$(declare -f run_receiver); BIN='$BIN'; run_receiver '$name' $port" \
    >"$LOGS/$name.log" 2>&1 </dev/null &
  PIDS+=($!)
  wait_port "$port" "$name"
  BASE[$name]="http://127.0.0.1:$port"
  RECEIVERS+=("$name")
  echo "started $name on ${BASE[$name]}"
done

expected() { # provider case
  case $2 in
    genuine) echo 200 ;;
    tampered) echo 401 ;;
    replayed) echo "200 dup" ;;
    # Only Salesbooth signs a timestamp: the other three cannot tell a stale delivery
    # from a fresh one (their replays are caught by de-duplication instead).
    stale) if [[ $1 == salesbooth ]]; then echo 400; else echo "200*"; fi ;;
    oversize) echo 413 ;;
  esac
}

flag_of() {
  case $1 in
    genuine) ;;
    tampered) echo --tamper ;;
    replayed) echo --replay ;;
    stale) echo --stale=900 ;;
    oversize) echo --oversize ;;
  esac
}

# The cell: the receiver's answer to the first attempt (of the replay, for "replayed").
cell_of() {
  python3 -c '
import json, sys
r = json.loads(sys.stdin.read().strip().splitlines()[-1])
d = r["deliveries"][-1]["attempts"][0]
s = d.get("status")
if s is None:
    print("ERR:" + str(d.get("error")))
elif sys.argv[1] == "replayed":
    print(f"{s} dup" if d.get("duplicate") else f"{s} new")
elif sys.argv[1] == "stale" and s == 200:
    print("200*")
else:
    print(s)
' "$1"
}

FAILED=0
ROWS=()
for name in "${RECEIVERS[@]}"; do
  for provider in "${PROVIDERS[@]}"; do
    row=$(printf '%-12s %-12s' "$name" "$provider")
    for case in "${CASES[@]}"; do
      flag=$(flag_of "$case")
      # shellcheck disable=SC2086
      out=$("$BIN" send --json --provider "$provider" --url "${BASE[$name]}/$provider" \
        --secret "$(secret_of "$provider")" --time-scale 0 $flag 2>&1 || true)
      got=$(cell_of "$case" <<<"$out" 2>/dev/null || echo "ERR")
      want=$(expected "$provider" "$case")
      if [[ $got == "$want" ]]; then
        row+=$(printf ' %-9s' "$got")
      else
        row+=$(printf ' %-9s' "$got!=$want")
        FAILED=$((FAILED + 1))
        echo "$name $provider $case: $out" >>"$LOGS/failures.log"
      fi
    done
    ROWS+=("$row")
  done
done

echo
printf '%-12s %-12s' receiver provider
printf ' %-9s' "${CASES[@]}"
echo
for row in "${ROWS[@]}"; do echo "$row"; done
echo
echo "expected (SPEC §3): genuine 200, tampered 401, replayed 200 acknowledged as a duplicate,"
echo "stale 400, oversize 413. 200*: SalesLab, SalesOS and Salescaling sign no timestamp, so"
echo "a stale delivery is accepted (a replay of one is caught by de-duplication)."
if ((FAILED > 0)); then
  echo "demo: $FAILED wrong cell(s); details in $LOGS/failures.log" >&2
  exit 1
fi
echo "demo: all $(( ${#RECEIVERS[@]} * ${#PROVIDERS[@]} * ${#CASES[@]} )) cells as expected (${#RECEIVERS[@]} receivers)"
rm -rf "$LOGS"
