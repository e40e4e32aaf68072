#!/usr/bin/env bash
# The de-duplication stores (memory, SQLite, Redis, PostgreSQL) in Node, Python and Go,
# against real servers: installs redis-server and PostgreSQL from apt, starts each on
# 127.0.0.1 on a free port with a fresh data directory under a temp dir, exports
#   HOOKSEAL_TEST_REDIS_URL     redis://127.0.0.1:PORT/0
#   HOOKSEAL_TEST_POSTGRES_URL  postgres://postgres@127.0.0.1:PORT/postgres
# builds each package with its own build step, runs every runtime's store tests, and
# stops the servers on exit, failure included. Run as root (apt-get); idempotent.
#
#   bash scripts/ci/stores.sh                  # build and test all three runtimes
#   bash scripts/ci/stores.sh node python go   # some of them
#   bash scripts/ci/stores.sh --with-servers -- CMD ARGS...   # CMD with the servers up
#   bash scripts/ci/stores.sh --node-drivers   # install the Node store drivers only
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

# --- servers ---------------------------------------------------------------------

install_servers() {
  if command -v redis-server >/dev/null && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    return
  fi
  echo "== stores: apt-get install redis-server postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server postgresql >/dev/null
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

as_postgres() {
  if command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

servers_dir=""
redis_pid=""
pg_data=""
pg_bin=""

stop_servers() {
  local status=$?
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill "$redis_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -z "$servers_dir" ] || rm -rf "$servers_dir"
  exit $status
}

start_servers() {
  install_servers
  servers_dir=$(mktemp -d /tmp/hookseal-stores.XXXXXX)
  chmod 755 "$servers_dir"
  trap stop_servers EXIT
  trap 'exit 130' INT TERM

  local redis_port pg_port
  redis_port=$(free_port)
  mkdir -p "$servers_dir/redis"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$servers_dir/redis" \
    --save '' --appendonly no --logfile "$servers_dir/redis/log" &
  redis_pid=$!
  for _ in $(seq 100); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$redis_port" ping | grep -q PONG

  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_port=$(free_port)
  pg_data="$servers_dir/pg"
  mkdir -p "$pg_data" && chown postgres: "$pg_data"
  # initdb refuses to run as root: the data directory belongs to the postgres user.
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_data -c max_connections=200 -c fsync=off" start >/dev/null

  export HOOKSEAL_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
  export HOOKSEAL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
  # The store tests fail, rather than skip, a store whose server is missing.
  export HOOKSEAL_STORES_REQUIRED=1
  echo "== stores: redis on 127.0.0.1:$redis_port, postgresql on 127.0.0.1:$pg_port"
}

# --- the runtimes ----------------------------------------------------------------

test_node() {
  echo "== stores: node"
  (cd npm && npm install --no-audit --no-fund && npm run build)
  node_drivers
  (cd npm && node --test test/stores*.test.js)
}

# The Node drivers: ioredis and pg are devDependencies of npm/. better-sqlite3 is a
# native addon, built from source here (its prebuilt binaries are not on the npm
# registry): too slow and fragile for node.sh's `npm install`, so it is no
# devDependency. It goes in the repository root's node_modules/, which Node searches
# from npm/ and `npm install` in npm/ never prunes, so it is built once.
node_drivers() {
  (cd npm && node -e 'new (require("better-sqlite3"))(":memory:")' 2>/dev/null) && return
  # node-gyp: the headers installed with node, rather than a download.
  local node_prefix
  node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  [ -d "$node_prefix/include/node" ] && export npm_config_nodedir="$node_prefix"
  npm install --prefix "$root" --no-save --no-package-lock --no-audit --no-fund better-sqlite3@12 >/dev/null
}

test_python() {
  echo "== stores: python"
  [ -x .venv/bin/python ] || "${PYTHON:-python3}" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r python/requirements-dev.txt
  local wheels=target/wheels-stores
  rm -rf "$wheels"
  (cd python && "$root/.venv/bin/maturin" build --quiet --out "$root/$wheels")
  .venv/bin/python -m pip install --quiet --force-reinstall --no-deps "$wheels"/hookseal-*.whl
  # The store drivers, as the package's extras name them (redis, psycopg, psycopg_pool).
  local wheel
  wheel=$(ls "$wheels"/hookseal-*.whl)
  .venv/bin/python -m pip install --quiet "$wheel[redis,postgres]"
  (cd "$(mktemp -d)" && "$root/.venv/bin/pytest" -q -p no:cacheprovider "$root"/python/tests/test_stores*.py)
}

test_go() {
  echo "== stores: go"
  (cd go && go generate ./...)
  # go/store (the contract, Memory, storetest) is in the hookseal module; each driver
  # is a module of its own, so a program downloads only the driver it imports.
  (cd go/store && go vet ./... && go test -race -count=1 ./...)
  local module
  for module in sqlitestore redisstore pgstore; do
    (cd "go/store/$module" && go vet ./... && go test -race -count=1 ./...)
  done
}

if [ "${1:-}" = "--node-drivers" ]; then
  node_drivers
  exit 0
fi
if [ "${1:-}" = "--with-servers" ]; then
  shift
  [ "${1:-}" = "--" ] && shift
  start_servers
  "$@"
  exit $?
fi

runtimes=("$@")
[ ${#runtimes[@]} -gt 0 ] || runtimes=(node python go)
start_servers
for runtime in "${runtimes[@]}"; do
  "test_$runtime"
done
echo "== stores: all store tests passed (${runtimes[*]})"
