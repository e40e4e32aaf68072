#!/usr/bin/env bash
# One version for every package, stamped from the workspace Cargo.toml: fails if any
# package manifest (npm, Python, crates) says otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || { echo "no workspace version" >&2; exit 1; }
status=0
check() { # file, found version
  if [ "$2" != "$version" ]; then
    echo "version drift: $1 says '$2', the workspace says '$version'" >&2
    status=1
  fi
}
for manifest in $(git ls-files '*Cargo.toml'); do
  v=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$manifest")
  [ -z "$v" ] || check "$manifest" "$v"
done
# The crates' dependencies on one another, in the workspace's table and in every crate that
# is published: cargo publish needs a version beside each path, and it is the workspace's.
for manifest in $(git ls-files '*Cargo.toml'); do
  ! grep -q '^publish = false' "$manifest" || continue
  while IFS= read -r dep; do
    v=$(sed -n 's/.*version = "\([^"]*\)".*/\1/p' <<<"$dep")
    check "$manifest (${dep%% =*})" "${v:-no version}"
  done < <(grep -E '^[A-Za-z0-9_-]+ = \{.*path = ' "$manifest" || true)
done
# npm: hookseal and each platform package (npm/npm/<platform>/, scripts/release/npm.sh).
for pkg in $(git ls-files 'npm/package.json' 'npm/npm/*/package.json'); do
  check "$pkg" "$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["version"])' "$pkg")"
done
if [ -f python/pyproject.toml ]; then
  v=$(sed -n 's/^version = "\(.*\)"/\1/p' python/pyproject.toml | head -1)
  [ -z "$v" ] || check python/pyproject.toml "$v"
fi
[ $status -eq 0 ] && echo "all manifests at $version"
exit $status
