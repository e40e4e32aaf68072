"""A webhook receiver process for the store concurrency test: a real HTTP server on
127.0.0.1 that verifies Salesbooth deliveries, claims each one's idempotency key in the
store named by STORE (memory | sqlite | redis | postgres, at STORE_URL) and runs the
handler only for the first. The handler appends a line to RUNS_FILE, so the test counts
runs across processes. Prints its port on the first line of output."""

from __future__ import annotations

import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Tuple

import hookseal
from hookseal.stores import DUPLICATE_BODY, MemoryStore, PostgresStore, RedisStore, SqliteStore, run_once

STORES: Dict[str, Any] = {
    "memory": lambda url: MemoryStore(),
    "sqlite": SqliteStore,
    "redis": RedisStore,
    "postgres": PostgresStore,
}
store = STORES[os.environ["STORE"]](os.environ.get("STORE_URL", ""))
verifier = hookseal.Verifier("salesbooth", ["whsec_test"])


def handler(event: hookseal.Verified) -> None:
    time.sleep(0.02)  # real work takes a while
    with open(os.environ["RUNS_FILE"], "a") as f:
        f.write(f"{os.getpid()} {event.idempotency_key}\n")


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            event = verifier.verify(body, dict(self.headers.items()))
        except hookseal.VerificationError as e:
            return self.reply(e.status, {"error": e.code})

        def process() -> Tuple[int, Dict[str, Any]]:
            handler(event)
            return 200, {"processed": True}

        status, payload = run_once(
            store, event, handler=process, duplicate=lambda: (200, DUPLICATE_BODY), status=lambda a: a[0]
        )
        self.reply(status, payload)

    def reply(self, status: int, payload: Dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 128  # 50 deliveries arrive at once


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), Receiver)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    sys.exit(0)
