#!/usr/bin/env bash
# Fuzzes every core target for FUZZ_SECONDS each (default 30; longer runs are one variable away) with libFuzzer through
# `cargo fuzz` on stable Rust (no sanitizer: the core has no unsafe code, so what is
# looked for is panics, hangs and slow inputs). Starts from the checked-in corpus, and
# works on a copy so that CI leaves the tree as it found it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-30}

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2

cd core
cargo fuzz build -s none
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
summary=()
for target in $(cargo fuzz list); do
  mkdir -p "$work/$target"
  cp -r "fuzz/corpus/$target/." "$work/$target/"
  echo "== fuzz: $target for $seconds s"
  # -timeout: any single input slower than 2 s is a failure (nothing here should be
  # slower than linear); -rss_limit_mb keeps a runaway allocation from eating the box.
  cargo fuzz run -s none "$target" "$work/$target" -- \
    -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -print_final_stats=1 \
    2>"$work/$target.log" || { tail -40 "$work/$target.log"; exit 1; }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log")
  summary+=("$target: $runs executions in $seconds s, 0 crashes")
done
printf '%s\n' "${summary[@]}"
