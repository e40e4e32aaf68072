#!/usr/bin/env bash
# The crates and the command as users get them, from what scripts/release/cli.sh wrote:
#   - the packaged core (OUT/cli/crates/hookseal-<version>.crate) unpacked outside the
#     checkout passes its own tests (its vectors are in the package);
#   - a throwaway crate outside the workspace depends on it (`[patch.crates-io]` to the
#     unpacked .crate) and runs the README's Rust example (core/examples/readme.rs);
#   - `cargo install --path cli` gives the `hookseal` command: --help, sign, verify;
#   - the prebuilt x86_64 binaries (gnu and musl archives of OUT/cli) do the same;
#   - actionlint (github.com/rhysd/actionlint v1.7.12) passes on .github/workflows/*.yml.
# Usage: bash scripts/ci/packages/rust.sh OUT      (OUT as scripts/release/build.sh writes it)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$(cd "$1" && pwd)"
cd "$root"
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
core_crate="$out/cli/crates/hookseal-$version.crate"
[ -f "$core_crate" ] || { echo "rust.sh: no $core_crate (scripts/release/cli.sh)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The builds outside the workspace share a target directory of their own, so a rerun is
# quick; `cargo install --path cli` builds in the workspace's, as docs/cli.md's line does.
outside="$root/target/package-check"

echo "== rust: the packaged core passes its tests outside the checkout"
tar -xzf "$core_crate" -C "$work"
core="$work/hookseal-$version"
# A .crate stamps every file with one fixed time; cargo would take the build of an earlier
# run (another tmp dir, same fixed time) as fresh. Files of now are newer than any build.
find "$core" -type f -exec touch {} +
(cd "$core" && cargo test --quiet --locked --target-dir "$outside")

echo "== rust: a crate outside the workspace runs the README's example against the package"
mkdir -p "$work/readme/src"
cp "$core/examples/readme.rs" "$work/readme/src/main.rs"
cp "$core/Cargo.lock" "$work/readme/Cargo.lock" # the versions the package was tested with
cat >"$work/readme/Cargo.toml" <<EOF
[package]
name = "hookseal-readme"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
hookseal = "=$version"

[patch.crates-io]
hookseal = { path = "$core" }

[workspace]
EOF
said=$(cd "$work/readme" && cargo run --quiet --target-dir "$outside")
echo "   $said"
[ "$said" = "README.md Rust snippet: ok" ] || { echo "the README example said: $said" >&2; exit 1; }

# One delivery signed and verified, one tampered body rejected (exit 1): the command works.
smoke() { # hookseal binary
  local bin=$1 dir
  dir="$(mktemp -d -p "$work")"
  "$bin" --help | grep -q 'verify' || { echo "$bin --help names no verify" >&2; return 1; }
  printf '%s' '{"event":"deal.created","id":"evt_1","data":{}}' >"$dir/body.json"
  "$bin" sign --scheme salesos --secret whsec_k "$dir/body.json" >"$dir/headers.txt"
  "$bin" verify --scheme auto --secret whsec_k -H "$(cat "$dir/headers.txt")" "$dir/body.json" \
    | tee "$dir/said" | sed 's/^/   /'
  grep -q '^ok salesos delivery verified' "$dir/said"
  printf '{}' >"$dir/tampered.json"
  local status=0
  "$bin" verify --scheme salesos --secret whsec_k -H "$(cat "$dir/headers.txt")" \
    "$dir/tampered.json" >/dev/null || status=$?
  [ $status -eq 1 ] || { echo "$bin verify of a tampered body exited $status, not 1" >&2; return 1; }
}

echo "== rust: cargo install --path cli"
cargo install --quiet --locked --path cli --root "$work/install"
smoke "$work/install/bin/hookseal"

for target in x86_64-unknown-linux-gnu x86_64-unknown-linux-musl; do
  echo "== rust: the prebuilt hookseal for $target"
  archive="$out/cli/hookseal-$version-$target.tar.gz"
  tar -xzf "$archive" -C "$work"
  smoke "$work/hookseal-$version-$target/hookseal"
done

echo "== rust: actionlint v1.7.12 on .github/workflows"
GOBIN="$work/bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
echo "   actionlint $("$work/bin/actionlint" -version | head -1)"
"$work/bin/actionlint" .github/workflows/*.yml
echo "   actionlint: no findings"
