#!/usr/bin/env bash
# Runs the Go benchmarks (hookseal's Verify vs the hand-written snippets, side by side in
# one run) and prints a markdown table of medians and ratios for docs/benchmarks/go.md.
# Usage, in go/: bash bench.sh [count]   (builds the static library first)
set -euo pipefail
cd "$(dirname "$0")"
count="${1:-10}"
go generate ./...
out="$(mktemp)"
# GOMAXPROCS=1: the benchmark loop and the garbage collector share one core, as they
# would under a loaded server, and a second busy core adds less noise.
go test -run '^$' -bench . -benchmem -benchtime 200ms -count "$count" -cpu 1 ./... | tee "$out" >&2
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) CPUs; $(lscpu | sed -n 's/^Model name: *//p'); $(go version | cut -d' ' -f3); median of $count runs, GOMAXPROCS=1"
python3 - "$out" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"Benchmark(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:.*?\s(\d+) allocs/op)?", line)
    if m:
        runs.setdefault(m.group(1), []).append((float(m.group(2)), m.group(3)))
med = {k: (statistics.median(v[0] for v in vs), vs[0][1]) for k, vs in runs.items()}
print("\n| scheme | body | hookseal ns/op | hand-written ns/op | ratio | allocs (hookseal / hand-written) |")
print("|---|---|---:|---:|---:|---|")
for name, (ns, allocs) in med.items():
    if name.startswith("Verify/") and name.endswith("/hookseal"):
        base = name[: -len("hookseal")] + "handwritten"
        hw, hw_allocs = med[base]
        _, scheme, size, _ = name.split("/")
        print(f"| {scheme} | {size} | {ns:,.0f} | {hw:,.0f} | {ns / hw:.2f} | {allocs} / {hw_allocs} |")
print("\n| body | Verify ns/op | Verify + first Kind() ns/op | envelope cost |")
print("|---|---:|---:|---:|")
for name, (ns, _) in med.items():
    if name.startswith("Envelope/") and name.endswith("/verify"):
        lazy, _ = med[name + "+kind"]
        print(f"| {name.split('/')[1]} | {ns:,.0f} | {lazy:,.0f} | +{lazy - ns:,.0f} |")
PY
rm -f "$out"
