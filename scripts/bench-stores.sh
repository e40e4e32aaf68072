#!/usr/bin/env bash
# Claims per second of every de-duplication store (memory, SQLite, Redis, PostgreSQL)
# in Node, Python and Go, at 1 and 16 concurrent clients, in one run, with the cost of
# verifying a delivery beside them. Builds release engines, starts the servers the
# store tests use (scripts/ci/stores.sh --with-servers) and writes the tables to
# docs/benchmarks/stores.md. Not a test: nothing here asserts a time.
#
#   bash scripts/bench-stores.sh            # BENCH_SECONDS=1.5 per measurement
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ "${1:-}" = "--measure" ]; then
  # With the servers up (HOOKSEAL_TEST_*_URL): one tab-separated line per measurement.
  node scripts/bench-stores/node.mjs
  target/venv-bench/bin/python scripts/bench-stores/python.py
  seconds=${BENCH_SECONDS:-1.5}
  go_bench() { # dir: go test -bench, as "go<TAB>what<TAB>clients<TAB>per second"
    (cd "$1" && go test -run '^$' -bench . -benchtime "${seconds}s" . ) |
      awk -v store="$2" '/^Benchmark/ {
        what = store; clients = 1
        if ($1 ~ /BenchmarkVerify/) what = "verify"
        if (match($1, /clients=[0-9]+/)) clients = substr($1, RSTART + 8, RLENGTH - 8)
        printf "go\t%s\t%s\t%.0f\n", what, clients, 1e9 / $3 }'
  }
  go_bench go/store memory
  for module in sqlite redis pg; do
    name=$module; [ "$module" = pg ] && name=postgres
    go_bench "go/store/${module}store" "$name"
  done
  exit 0
fi

echo "== bench: release builds"
(cd npm && npm install --no-audit --no-fund >/dev/null && npm run --silent build:native:release && npm run --silent build:cjs)
bash scripts/ci/stores.sh --node-drivers
# A venv of its own for the release wheel, so the tests' .venv keeps its build.
venv=target/venv-bench
[ -x $venv/bin/python ] || "${PYTHON:-python3}" -m venv $venv
$venv/bin/python -m pip install --quiet maturin==1.16.0 'redis>=5' 'psycopg[binary]>=3.1' 'psycopg-pool>=3.2'
rm -rf target/wheels-bench
(cd python && "$root/$venv/bin/maturin" build --quiet --release --out "$root/target/wheels-bench")
$venv/bin/python -m pip install --quiet --force-reinstall --no-deps target/wheels-bench/hookseal-*.whl
(cd go && go generate ./... >/dev/null)

results=$(mktemp)
trap 'rm -f "$results"' EXIT
echo "== bench: measuring (servers started by scripts/ci/stores.sh)"
bash scripts/ci/stores.sh --with-servers -- bash scripts/bench-stores.sh --measure | tee "$results"

python3 - "$results" > docs/benchmarks/stores.md <<'EOF'
import collections, datetime, subprocess, sys

rates = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    parts = line.rstrip("\n").split("\t")
    if len(parts) == 4:
        runtime, what, clients, rate = parts
        rates[what][(runtime, int(clients))] = float(rate)

def sh(cmd):
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()

cpu = sh("lscpu | grep 'Model name' | sed 's/Model name: *//'")
runtimes = ["node", "python", "go"]
fmt = lambda r: f"{r:,.0f}" if r else "—"
print("# De-duplication stores: claims per second\n")
print(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {sh('nproc')} cores ({cpu}),")
print("shared with other work while it ran: compare the columns of one run, not runs of")
print("different days. Reproduce with `bash scripts/bench-stores.sh`.\n")
print("Every claim is of a fresh key (a first, as in normal traffic). Servers as the store tests")
print("start them on 127.0.0.1: Redis without persistence, PostgreSQL with `fsync=off`, so the")
print("numbers are the store's round trip and client, not a disk. 16 clients: Node, 16 claims")
print("in flight on one store (one ioredis connection, a pg pool of 16, better-sqlite3 is")
print("synchronous); Python, 16 threads, each with its own store and connection; Go, 16")
print("goroutines on one store (go-redis pool, pgxpool of 16, database/sql).\n")
print("| store | " + " | ".join(f"{r} ×1 | {r} ×16" for r in runtimes) + " |")
print("|---|" + "---:|" * (2 * len(runtimes)))
for what in ["memory", "sqlite", "redis", "postgres"]:
    cells = [fmt(rates[what].get((r, c))) for r in runtimes for c in (1, 16)]
    print(f"| {what} | " + " | ".join(cells) + " |")
verify = [cell for r in runtimes for cell in (fmt(rates["verify"].get((r, 1))), "")]
print("| *verify, for comparison (1 KiB Salesbooth delivery and its key; one thread)* | " + " | ".join(verify) + " |")
print("\n## What a store adds to a delivery, one client\n")
print("Time per delivery in µs: verifying it, and claiming its key in each store; the ratio")
print("is claim ÷ verify.\n")
print("| runtime | verify µs | " + " | ".join(f"{w} µs (×)" for w in ["memory", "sqlite", "redis", "postgres"]) + " |")
print("|---|---:|" + "---:|" * 4)
for r in runtimes:
    v = rates["verify"].get((r, 1))
    if not v:
        continue
    cells = []
    for w in ["memory", "sqlite", "redis", "postgres"]:
        c = rates[w].get((r, 1))
        cells.append(f"{1e6 / c:,.1f} ({v / c:,.2f}×)" if c else "—")
    print(f"| {r} | {1e6 / v:,.1f} | " + " | ".join(cells) + " |")
print("\nReading it: the memory store costs about what verification does; SQLite adds a")
print("local write (tens of µs); Redis and PostgreSQL add a network round trip, which more")
print("clients overlap (Node's one ioredis connection pipelines; Python's threads share the")
print("GIL). On a real network the round trip, not the store, sets the cost.")
EOF
echo "== bench: written to docs/benchmarks/stores.md"
cat docs/benchmarks/stores.md
