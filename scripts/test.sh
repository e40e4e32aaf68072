#!/usr/bin/env bash
# Every test in every runtime, from a fresh clone: each step installs what it needs.
# Usage: bash scripts/test.sh [suite...]   (default: all, in the order below)
set -uo pipefail
cd "$(dirname "$0")/.."

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(rust events fuzz node wasm python go jvm packages stores cli demo docs)

passed=0 failed=0 failures=()
for suite in "${suites[@]}"; do
  echo "######## $suite"
  start=$SECONDS
  if bash "scripts/ci/$suite.sh"; then
    passed=$((passed + 1))
    echo "######## $suite passed in $((SECONDS - start)) s"
  else
    failed=$((failed + 1)); failures+=("$suite")
    echo "######## $suite FAILED after $((SECONDS - start)) s"
  fi
done
[ $failed -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "suites: $passed passed, $failed failed"
[ $failed -eq 0 ]
