# shellcheck shell=bash
# Sourced by scripts/bench-load.sh: how each helper's server starts (one process, one
# route per variant: /none, /verify, /store), on 127.0.0.1:PORT. Needs $root, $work, $venv.
#
# Python servers run one worker process (like the single Node process), so that every
# server's RSS is one process's; Go uses GOMAXPROCS = nproc as it does by default.

HELPERS="express fetch flask fastapi django go edge-worker"

server_command() { # helper port -> the command line, on stdout
  local here=$root/scripts/bench-load
  case $1 in
    express) echo "node $here/express.mjs" ;;
    fetch) echo "node $here/fetch.mjs" ;;
    flask) echo "$venv/bin/gunicorn --chdir $here -w 1 -k gthread --threads 8 -b 127.0.0.1:$2 --log-level warning flask_app:app" ;;
    fastapi) echo "$venv/bin/uvicorn --app-dir $here --host 127.0.0.1 --port $2 --no-access-log --log-level warning fastapi_app:app" ;;
    django) echo "$venv/bin/gunicorn --chdir $here -w 1 -k gthread --threads 8 -b 127.0.0.1:$2 --log-level warning django_app:application" ;;
    go) echo "$work/go-server" ;;
    edge-worker) echo "node $here/edge-worker.mjs $work/edge-worker-dist" ;;
    *) return 1 ;;
  esac
}

# What the helper runs on (the doc's column).
server_label() {
  case $1 in
    express) echo "Express 5 (hookseal/express), Node $(node --version)" ;;
    fetch) echo "hookseal/fetch, @hono/node-server, Node $(node --version)" ;;
    flask) echo "Flask 3.1 under gunicorn (1 gthread worker, 8 threads)" ;;
    fastapi) echo "FastAPI under uvicorn (uvloop, httptools)" ;;
    django) echo "Django 5.2 under gunicorn (1 gthread worker, 8 threads)" ;;
    go) echo "net/http, $(go env GOVERSION), cgo engine" ;;
    edge-worker) echo "workerd through miniflare, hookseal/wasm" ;;
  esac
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts HELPER's server in a process group of its own (so that stopping it stops its
# children: gunicorn's worker, miniflare's workerd); sets SERVER_PID and SERVER_PORT and
# waits until /none answers 204.
start_server() { # helper
  SERVER_PORT=$(free_port)
  local cmd
  cmd=$(server_command "$1" "$SERVER_PORT")
  PORT=$SERVER_PORT LOAD_SECRET=$LOAD_SECRET setsid $cmd >"$work/$1.log" 2>&1 &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
  local i
  for ((i = 0; i < 600; i++)); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST --data x "http://127.0.0.1:$SERVER_PORT/none" 2>/dev/null) == 204 ]]; then
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "$1: the server did not start; its log:" >&2
  cat "$work/$1.log" >&2
  return 1
}

stop_server() { # pid
  kill -TERM -- "-$1" 2>/dev/null || true
  local i
  for ((i = 0; i < 50; i++)); do
    kill -0 -- "-$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}

# The process whose memory is the server's: gunicorn's worker, miniflare's workerd
# (children of the process started), else the process itself.
server_rss_pid() { # helper pid
  local child
  case $1 in
    flask | django) child=$(pgrep -P "$2" | head -1) ;;
    edge-worker) child=$(pgrep -P "$2" -x workerd | head -1) ;;
  esac
  echo "${child:-$2}"
}

rss_kib() { # pid
  awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0
}

# CPU time the process has run, in ns, summed over its threads (schedstat: run time on a
# core, not time waiting for one — on a shared machine the steadier per-request figure).
cpu_ns() { # pid
  cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ns += $1} END {printf "%.0f\n", ns}'
}
