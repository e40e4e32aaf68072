#!/usr/bin/env bash
# The packages as users install them: builds every npm, Python and CLI artifact once
# (scripts/release/build.sh into target/release-out/), starts local registries (verdaccio,
# pypiserver) on 127.0.0.1, publishes to them, installs in fresh projects and venvs outside
# the checkout, runs the shared vectors there, and stops the registries. The Go module's
# install from a local GOPROXY runs in scripts/ci/go.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/release-out
rm -rf "$out"
bash scripts/release/build.sh "$out" npm python cli
bash scripts/ci/packages/npm.sh "$out"
bash scripts/ci/packages/python.sh "$out"
bash scripts/ci/packages/rust.sh "$out"
