#!/usr/bin/env bash
# The core benchmark: hookseal's Verifier::verify against ring and a hand-written
# hmac+sha2 verify, in one run, then a table of ns/op, throughput and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p hookseal-bench --bench verify -- --noplot "$@"
python3 - <<'PY'
import json, os
base = "target/criterion/saleslab_verify"
rows = []
for size in ["256B", "1KiB", "64KiB", "1MiB"]:
    ns = {}
    for impl in ["hookseal", "ring", "hand_written"]:
        with open(os.path.join(base, impl, size, "new", "estimates.json")) as f:
            ns[impl] = json.load(f)["median"]["point_estimate"]
    nbytes = {"256B": 256, "1KiB": 1024, "64KiB": 65536, "1MiB": 1 << 20}[size]
    rows.append((size, ns, nbytes))
print()
print("| body | hookseal ns/op | ring ns/op | hand-written ns/op | hookseal MB/s | ring MB/s | hookseal throughput ÷ ring | hand-written time ÷ hookseal |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for size, ns, n in rows:
    h, r, w = ns["hookseal"], ns["ring"], ns["hand_written"]
    print(f"| {size} | {h:,.0f} | {r:,.0f} | {w:,.0f} | {n / h * 1e3:,.0f} | {n / r * 1e3:,.0f} | {r / h:.2f}× | {w / h:.2f}× |")
s16 = json.load(open("target/criterion/stripe_16_signatures/1MiB/new/estimates.json"))["median"]["point_estimate"]
print(f"\n1 MiB body, 16 signatures in the header (15 wrong): {s16 / 1e3:,.0f} µs in all, {s16 / 16 / 1e3:,.1f} µs per signature")
sw = {v: json.load(open(f"target/criterion/standard_webhooks_1KiB/{v}/new/estimates.json"))["median"]["point_estimate"]
      for v in ("v1", "v1a")}
print(f"standard-webhooks at 1 KiB: v1 (HMAC) {sw['v1']:,.0f} ns, v1a (Ed25519) {sw['v1a']:,.0f} ns, v1a ÷ v1 {sw['v1a'] / sw['v1']:.1f}×")
PY
