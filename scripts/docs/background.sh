# Sourced by the scripts that run a doc's lines as written when those lines start a
# server in the background (examples/try-one.sh, docs/snippets/edge_worker_port.sh,
# cli/tests/docs/servers.sh): waiting for its port, and stopping it and everything it
# started on the way out.

# Stops process $1 and its descendants, children first.
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}

# On exit, stop every background job of this shell and what each started.
trap 'for job in $(jobs -p); do kill_tree "$job"; done' EXIT

# Waits up to 30 s for something to listen on 127.0.0.1:$1.
wait_for_port() {
  for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}
