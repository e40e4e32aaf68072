#!/usr/bin/env bash
# Every framework helper under load: each helper's server on 127.0.0.1 with one route per
# variant — no verification (the route reads the raw body and answers 204), verification,
# verification + the helper's memory store — driven by wrk at 1 KiB and 64 KiB, and a
# soak at a fixed rate that reads the servers' RSS at its start and end. Release builds.
# A benchmark, not a test (not in CI): nothing here asserts a time.
#
#   bash scripts/bench-load.sh                  # every helper, 3 rounds of 5 s per cell, 180 s soak (~22 min)
#   bash scripts/bench-load.sh --quick          # 2 rounds of 2 s per cell, 20 s soak: a smoke run
#   bash scripts/bench-load.sh --only express,go
#   bash scripts/bench-load.sh --doc            # and write docs/benchmarks/load.md
#
# Options: --seconds N (per round), --rounds N, --soak-seconds N, --soak-rate N
# (requests/s per server), --connections N (wrk -c, default 8), --no-soak. The parts are in
# scripts/bench-load/ (servers, wrk scripts, the deliveries' generator, the report).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
here=$root/scripts/bench-load

seconds=5 rounds=3 warm=2 soak_seconds=180 soak_rate=500 connections=8 only="" doc=0 soak=1
soak_helpers="express flask go"
while (($#)); do
  case $1 in
    --quick) seconds=2 rounds=2 warm=1 soak_seconds=20 ;;
    --only) only=$2; shift ;;
    --only=*) only=${1#--only=} ;;
    --doc) doc=1 ;;
    --seconds) seconds=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --soak-seconds) soak_seconds=$2; shift ;;
    --soak-rate) soak_rate=$2; shift ;;
    --connections) connections=$2; shift ;;
    --no-soak) soak=0 ;;
    *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d)
STARTED_PIDS=() WRK_PIDS=()
cleanup() {
  local pid
  for pid in "${WRK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED_PIDS[@]}"; do stop_server "$pid"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

. "$here/build.sh"
. "$here/servers.sh"

helpers=$HELPERS
if [[ -n $only ]]; then
  helpers=""
  for h in ${only//,/ }; do
    [[ " $HELPERS " == *" $h "* ]] || { echo "--only: unknown helper $h (one of: $HELPERS)" >&2; exit 2; }
    helpers+=" $h"
  done
fi
soak_list=""
for h in $soak_helpers; do [[ " $helpers " == *" $h "* ]] && soak_list+=" $h"; done
((soak)) || soak_list=""

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
build_for $helpers

# One secret for every server; deliveries signed by hookseal's own sign (SalesLab: no
# timestamp). The measured file holds more deliveries than a cell's rounds send, each
# round starting past the last one's share, so every delivery the store sees is new (the
# report flags a round that wrapped around).
export LOAD_SECRET=sl_load_$RANDOM$RANDOM
echo "== deliveries (hookseal sign, saleslab)"
per_second() { case $1 in 1024) echo 30000 ;; 65536) echo 6000 ;; esac; }
for size in 1024 65536; do
  node "$here/deliveries.mjs" "$work/warm-$size.tsv" "$size" 20000 "w$size" "$LOAD_SECRET"
  node "$here/deliveries.mjs" "$work/main-$size.tsv" "$size" $(($(per_second $size) * seconds * rounds)) "m$size" "$LOAD_SECRET"
done

run_wrk() { # port duration file path start -> the RESULT line's fields
  wrk -t1 -c"$connections" -d"${2}s" --timeout 10s -s "$here/deliveries.lua" "http://127.0.0.1:$1" -- "$3" "$4" "${5:-0}" |
    awk -F'\t' '$1 == "RESULT" {sub(/^RESULT\t/, ""); print}'
}

# A server that does not start is reported and skipped, so one broken helper never
# costs the others' numbers.
results=$work/results.tsv skipped=""
: >"$results"
for helper in $helpers; do
  echo "== $helper: $(server_label "$helper")"
  start_server "$helper" || { skipped+=" $helper"; continue; }
  cpu_pid=$(server_rss_pid "$helper" "$SERVER_PID")
  for size in 1024 65536; do
    for variant in none verify store; do
      run_wrk "$SERVER_PORT" "$warm" "$work/warm-$size.tsv" "/$variant" >/dev/null
    done
    # The routes take turns, round after round: drift in the machine's load hits each
    # alike, and the spread of /none over the rounds is the noise floor.
    for ((round = 1; round <= rounds; round++)); do
      for variant in none verify store; do
        cpu_before=$(cpu_ns "$cpu_pid")
        line=$(run_wrk "$SERVER_PORT" "$seconds" "$work/main-$size.tsv" "/$variant" \
          $(((round - 1) * $(per_second $size) * seconds)))
        cpu=$(($(cpu_ns "$cpu_pid") - cpu_before))
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$helper" "$size" "$variant" "$round" "$line" "$cpu" | tee -a "$results"
      done
    done
  done
  stop_server "$SERVER_PID"
done

soak_file=$work/soak.tsv
: >"$soak_file"
if [[ -n $soak_list ]]; then
  echo "== soak: ${soak_seconds}s at ~${soak_rate}/s per server, /verify, 1 KiB, at the same time:$soak_list"
  declare -A pids rss_pid first wrk_out
  soaking=""
  for helper in $soak_list; do
    [[ " $skipped " == *" $helper "* ]] && continue
    start_server "$helper" || { skipped+=" $helper"; continue; }
    soaking+=" $helper"
    pids[$helper]=$SERVER_PID
    rss_pid[$helper]=$(server_rss_pid "$helper" "$SERVER_PID")
    first[$helper]=$(rss_kib "${rss_pid[$helper]}")
    # 2 connections, each waiting 2000/rate ms before each request: about rate per second.
    wrk -t1 -c2 -d"${soak_seconds}s" --timeout 10s -s "$here/soak.lua" "http://127.0.0.1:$SERVER_PORT" -- \
      "$work/main-1024.tsv" /verify 0 $((2000 / soak_rate)) >"$work/soak-$helper.out" &
    wrk_out[$helper]=$!
    WRK_PIDS+=("$!")
  done
  # RSS every 5 s: at 15 s (the start: code loaded, pools filled), half-way, the highest,
  # the end. A leak grows the second half as much as the first; a warm-up does not.
  declare -A at_start at_mid peak last
  mid=$((soak_seconds / 10 * 5))
  for ((t = 5; t <= soak_seconds; t += 5)); do
    sleep 5
    for helper in $soaking; do
      kib=$(rss_kib "${rss_pid[$helper]}")
      ((t == 15 || (soak_seconds < 15 && t == 5))) && at_start[$helper]=$kib
      ((t == mid)) && at_mid[$helper]=$kib
      ((kib > ${peak[$helper]:-0})) && peak[$helper]=$kib
      last[$helper]=$kib
    done
  done
  for helper in $soaking; do
    wait "${wrk_out[$helper]}" || true
    line=$(awk -F'\t' '$1 == "RESULT" {sub(/^RESULT\t/, ""); print}' "$work/soak-$helper.out")
    last[$helper]=$(rss_kib "${rss_pid[$helper]}")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$helper" "$soak_seconds" "${first[$helper]}" "${at_start[$helper]:-0}" \
      "${at_mid[$helper]:-0}" "${peak[$helper]:-0}" "${last[$helper]}" "$line" | tee -a "$soak_file"
    stop_server "${pids[$helper]}"
  done
fi

labels=$work/labels.tsv
for helper in $helpers; do printf '%s\t%s\n' "$helper" "$(server_label "$helper")"; done >"$labels"
# The raw results stay in target/ (ignored): report.py can rewrite the page from them.
mkdir -p target/bench-load/last
cp "$results" "$soak_file" "$labels" target/bench-load/last/
meta=(--started "$started" --load-before "$load_before" --load-after "$(cut -d' ' -f1-3 /proc/loadavg)"
  --skipped "${skipped# }" --seconds "$seconds" --rounds "$rounds" --connections "$connections" --soak-rate "$soak_rate")
if ((doc)); then
  python3 "$here/report.py" "$results" "$soak_file" "$labels" "${meta[@]}" >docs/benchmarks/load.md
  echo "== written to docs/benchmarks/load.md"
else
  python3 "$here/report.py" "$results" "$soak_file" "$labels" "${meta[@]}"
fi
