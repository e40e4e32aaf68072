#!/usr/bin/env bash
# The npm packages as users install them: starts verdaccio (no uplinks) on 127.0.0.1,
# publishes every tarball of OUT/npm/ (scripts/release/npm.sh) to it, then in fresh
# projects outside the checkout, with the install commands of npm/README.md:
#   npm install hookseal                   the native engine (@hookseal/<platform>)
#   npm install --omit=optional hookseal   the wasm engine, with the same answers
#   pnpm add, yarn add, bun add hookseal   the native engine
# and there: require and import of every subpath (npm/test/installed/answers.*), the types
# under tsc --strict (npm/test/types/), a Worker bundled with esbuild in workerd, the
# shared vectors in both engines (npm/test/vectors.test.js), and Bun: the Fetch helper
# under Bun.serve and the vectors. Prints the install time from the local registry.
# Usage: bash scripts/ci/packages/npm.sh OUT      (OUT as scripts/release/build.sh writes it)
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../../.." && pwd)"
tarballs="$(cd "$1/npm" && pwd)"
ls "$tarballs"/hookseal-[0-9]*.tgz >/dev/null || { echo "npm.sh: no hookseal tarball in $tarballs" >&2; exit 1; }
fixtures="$root/npm/test/installed"

# The registry and the clients, pinned, in a throwaway folder: verdaccio 6.8.0 installs on
# Node 20 only with node-fetch held at 2.7.0 (6.10 wants Node 22).
tools="$root/target/npm-registry-tools"
mkdir -p "$tools"
cat >"$tools/package.json" <<'EOF'
{
  "private": true,
  "dependencies": {
    "verdaccio": "6.8.0",
    "pnpm": "12.4.2",
    "yarn": "1.22.22",
    "bun": "1.4.4",
    "esbuild": "0.28.2",
    "miniflare": "4.20260426.0",
    "typescript": "5.9.3"
  },
  "overrides": { "node-fetch": "2.7.0" }
}
EOF
echo "== npm packages: verdaccio, pnpm, yarn, bun, esbuild, miniflare, typescript (npm)"
(cd "$tools" && npm install --no-audit --no-fund --loglevel=error)
bin="$tools/node_modules/.bin"
cp "$fixtures/workerd.mjs" "$tools/"

work="$(mktemp -d)"
registry_pid=""
cleanup() {
  [ -z "$registry_pid" ] || kill "$registry_pid" 2>/dev/null || true
  [ -z "$registry_pid" ] || wait "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
registry="http://127.0.0.1:$port/"
cat >"$work/verdaccio.yaml" <<EOF
storage: $work/storage
auth:
  htpasswd:
    file: $work/htpasswd
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$authenticated
listen: 127.0.0.1:$port
log: { type: stdout, format: pretty, level: warn }
EOF
echo "== npm packages: verdaccio on $registry"
"$bin/verdaccio" --config "$work/verdaccio.yaml" >"$work/verdaccio.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 100); do
  curl -fs "${registry}-/ping" >/dev/null 2>&1 && break
  kill -0 "$registry_pid" 2>/dev/null || { cat "$work/verdaccio.log" >&2; exit 1; }
  sleep 0.2
done
token="$(curl -fs -X PUT -H 'content-type: application/json' \
  -d '{"name":"ci","password":"ci-password"}' "${registry}-/user/org.couchdb.user:ci" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"

# Every client reads this userconfig: the local registry, its token, a cache of its own
# (so the install times are those of a first install from the registry).
export npm_config_userconfig="$work/npmrc"
printf 'registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$registry" "$port" "$token" >"$npm_config_userconfig"
export npm_config_cache="$work/npm-cache" npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export YARN_CACHE_FOLDER="$work/yarn-cache"
unset HOOKSEAL_ENGINE

echo "== npm packages: npm publish"
for tgz in "$tarballs"/*.tgz; do
  npm publish "$tgz" --loglevel=error >/dev/null
  echo "   published $(basename "$tgz") ($(stat -c %s "$tgz") bytes)"
done

# The platforms this machine cannot build (macOS, Windows: the release workflow builds them)
# get a stand-in with their committed manifest and no addon, so that every optional
# dependency resolves as on the public registry: yarn 1 refuses a package whose optional
# dependency is missing from the registry, where npm and pnpm skip it. Their `os` and `cpu`
# keep them off this machine; they are never in OUT.
version="$(node -p 'require(process.argv[1]).version' "$root/npm/package.json")"
for manifest in "$root"/npm/npm/*/; do
  platform="$(basename "$manifest")"
  [ ! -f "$tarballs/hookseal-$platform-$version.tgz" ] || continue
  mkdir -p "$work/stand-in/$platform"
  cp "$manifest/package.json" "$manifest/README.md" "$work/stand-in/$platform/"
  (cd "$work/stand-in/$platform" && npm publish --loglevel=error >/dev/null)
  echo "   published a stand-in for @hookseal/$platform (no addon: not built here)"
done

# A fresh project in $work (outside the checkout); prints its folder.
new_project() {
  local dir="$work/$1"
  mkdir -p "$dir"
  printf '{ "name": "app-%s", "private": true, "version": "1.0.0" }\n' "$1" >"$dir/package.json"
  echo "$dir"
}
timings=()
timed() { # label, command...
  local label=$1 start end
  shift
  start=$(date +%s%N)
  "$@" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
  end=$(date +%s%N)
  timings+=("$(printf '%-40s %6d ms' "$label" $(((end - start) / 1000000)))")
}
expect_json() { # what, want (a Python expression over `got`), json
  python3 - "$1" "$2" "$3" <<'EOF' || exit 1
import json, sys
what, want, text = sys.argv[1], sys.argv[2], sys.argv[3]
got = json.loads(text)
if not eval(want, {"got": got}):
    sys.exit(f"{what}: expected {want}, got {text}")
print(f"   {what}: {text}")
EOF
}
# The answers of the main entry and of hookseal/wasm in one project, through import and require.
check_answers() { # dir, engine
  local dir=$1 engine=$2 esm cjs
  cp "$fixtures/deliveries.cjs" "$fixtures/answers.mjs" "$fixtures/answers.cjs" "$dir/"
  esm="$(cd "$dir" && node answers.mjs)"
  cjs="$(cd "$dir" && node answers.cjs)"
  [ "$esm" = "$cjs" ] || { echo "import and require differ: $esm / $cjs" >&2; exit 1; }
  expect_json "$(basename "$dir"): import = require" \
    "got['engine'] == '$engine' and got['answers'] == got['wasm']['answers'] and got['wasm']['engine'] == 'wasm' and got['answers']['tampered'] == 'signature_mismatch' and got['subpaths'] == ['function'] * 5" \
    "$esm"
  echo "$esm" >"$dir/answers.json"
}
# npm/test/vectors.test.js over the installed package: its helper imports `hookseal` and
# the package's own src/ (linked), and reads the vectors from the checkout.
run_vectors() { # dir, engine, runtime...
  local dir=$1 engine=$2
  shift 2
  mkdir -p "$dir/test"
  cp "$root/npm/test/helper.js" "$root/npm/test/vectors.test.js" "$dir/test/"
  ln -sfn node_modules/hookseal/src "$dir/src"
  printf '{ "type": "module" }\n' >"$dir/test/package.json"
  (cd "$dir" && HOOKSEAL_ENGINE="$engine" HOOKSEAL_VECTORS="$root/core/vectors" "$@" ./test/vectors.test.js) >"$work/vectors.log" 2>&1 ||
    { cat "$work/vectors.log" >&2; exit 1; }
  echo "   vectors ($engine, $*): $(grep -E '^# (pass|fail)|^ *[0-9]+ pass|^ *[0-9]+ fail' "$work/vectors.log" | tr '\n' ' ')"
}
native_platform() { node -e 'const r=process.report.getReport().header; console.log(`${process.platform}-${process.arch}-${r.glibcVersionRuntime ? "gnu" : "musl"}`)'; }
platform="$(native_platform)"

echo "== npm packages: npm install hookseal (native: @hookseal/$platform)"
app="$(new_project npm)"
timed "npm install hookseal" bash -c "cd '$app' && npm install hookseal"
[ -f "$app/node_modules/@hookseal/$platform/hookseal.$platform.node" ] || { echo "no @hookseal/$platform installed" >&2; exit 1; }
[ -z "$(find "$app/node_modules/hookseal" -name '*.node')" ] || { echo "hookseal itself carries an addon" >&2; exit 1; }
check_answers "$app" native
from="$(cd "$app" && node --input-type=module -e "const { loadEngine } = await import('./node_modules/hookseal/src/load.js'); console.log(loadEngine().from)")"
[ "$from" = "@hookseal/$platform" ] || { echo "the engine came from $from, not @hookseal/$platform" >&2; exit 1; }
run_vectors "$app" native node --test
cp "$fixtures/engines.mjs" "$app/"
engines="$(cd "$app" && node engines.mjs)"

echo "== npm packages: npm install --omit=optional hookseal (wasm)"
wasm_app="$(new_project omit)"
timed "npm install --omit=optional hookseal" bash -c "cd '$wasm_app' && npm install --omit=optional hookseal"
[ ! -e "$wasm_app/node_modules/@hookseal" ] || { echo "--omit=optional installed a platform package" >&2; exit 1; }
check_answers "$wasm_app" wasm
python3 -c 'import json,sys; a,b=(json.load(open(f))["answers"] for f in sys.argv[1:]); sys.exit(0 if a==b else "native and wasm answer differently")' \
  "$app/answers.json" "$wasm_app/answers.json"
run_vectors "$wasm_app" wasm node --test

echo "== npm packages: pnpm add hookseal, yarn add hookseal"
pnpm_app="$(new_project pnpm)"
timed "pnpm add hookseal" bash -c "cd '$pnpm_app' && '$bin/pnpm' add hookseal --store-dir '$work/pnpm-store'"
check_answers "$pnpm_app" native
yarn_app="$(new_project yarn)"
timed "yarn add hookseal" bash -c "cd '$yarn_app' && '$bin/yarn' add hookseal --registry '$registry' --non-interactive"
check_answers "$yarn_app" native

echo "== npm packages: the types (tsc --strict) from the installed package"
# The tsconfig and every file it lists (read from it, so a file added there is checked here too).
types="$root/npm/test/types"
mapfile -t listed < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["files"]))' "$types/tsconfig.json")
cp "$types/tsconfig.json" "${listed[@]/#/$types/}" "$types/wasm-user.ts" "$app/"
(cd "$app" && "$bin/tsc" -p tsconfig.json)
echo "   node16 (import and require): ok"
for condition in workerd deno; do
  (cd "$app" && "$bin/tsc" --noEmit --strict --target es2022 --lib es2022,dom --module esnext \
    --moduleResolution bundler --customConditions "$condition" wasm-user.ts)
  echo "   hookseal/wasm under the $condition condition: ok"
done

echo "== npm packages: a Worker bundled with esbuild, in workerd (miniflare)"
cp "$fixtures/worker.js" "$app/"
got="$(cd "$tools" && node workerd.mjs "$app/worker.js")"
expect_json "workerd" "got['signed'] == [200, {'kind': 'deal.won', 'id': 'd_1'}] and got['tampered'][0] == 401" "$got"

echo "== npm packages: Bun ($("$bin/bun" --version)): bun add hookseal, Bun.serve with the Fetch helper, the vectors"
bun_app="$(new_project bun)"
timed "bun add hookseal" bash -c "cd '$bun_app' && BUN_INSTALL_CACHE_DIR='$work/bun-cache' '$bin/bun' add hookseal --registry '$registry'"
check_answers "$bun_app" native
cp "$fixtures/bun-serve.mjs" "$bun_app/"
got="$(cd "$bun_app" && "$bin/bun" bun-serve.mjs)"
expect_json "Bun.serve" "got['engine'] == 'native' and got['signed'] == [200, {'kind': 'deal.won', 'id': 'd_1'}] and got['tampered'][0] == 401" "$got"
run_vectors "$bun_app" native "$bin/bun" test
run_vectors "$bun_app" wasm "$bin/bun" test

echo "== npm packages: install time from the local registry (first install, empty cache)"
printf '   %s\n' "${timings[@]}"
echo "== npm packages: the engines, per verify of a signed 1 KiB delivery (measured, not asserted)"
echo "   $engines"
