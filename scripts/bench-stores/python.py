"""Deliveries per second through each Python store (a claim, then its complete: what a
helper does for each new delivery) at 1 and 16 concurrent clients (16 threads,
each with its own store instance and connection), and verifications per second beside
them. Run by scripts/bench-stores.sh, which starts the servers. Prints one
tab-separated line per measurement: runtime, what, clients, per second."""

from __future__ import annotations

import itertools
import os
import tempfile
import threading
import time
import uuid
from typing import Any, Callable

import hookseal
from hookseal.stores import MemoryStore, PostgresStore, RedisStore, SqliteStore

SECONDS = float(os.environ.get("BENCH_SECONDS", "1.5"))
RUN = uuid.uuid4().hex[:8]
counter = itertools.count()


def claims(make: Callable[[], Any], clients: int) -> float:
    """Claims and completes fresh keys (all first, as in normal traffic) for SECONDS from
    `clients` threads."""
    shared = make()  # the memory store is one per process: every thread shares it
    stores = [shared] + [shared if isinstance(shared, MemoryStore) else make() for _ in range(clients - 1)]
    for s in stores:
        s.claim(f"bench:{RUN}:warm:{next(counter)}")  # connect outside the timing
    done = [0] * clients
    start = time.perf_counter()
    end = start + SECONDS

    def client(i: int) -> None:
        s = stores[i]
        while time.perf_counter() < end:
            key = f"bench:{RUN}:{next(counter)}"
            s.complete(key, s.claim(key).token)
            done[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rate = sum(done) / (time.perf_counter() - start)
    for s in {id(s): s for s in stores}.values():
        s.close()
    return rate


def verifications() -> float:
    note = "".join(chr(97 + i % 26) for i in range(900))
    body = ('{"event":"deal.created","id":"evt_0123456789","tenant_id":"tenant_abc123","data":{"note":"%s"}}' % note).encode()
    verifier = hookseal.Verifier("salesbooth", ["whsec_test"])
    headers = hookseal.sign("salesbooth", "whsec_test", body)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        for _ in range(100):
            verifier.verify(body, headers).idempotency_key
        done += 100
    return done / (time.perf_counter() - start)


def main() -> None:
    sqlite_path = os.path.join(tempfile.mkdtemp(), "claims.db")
    stores: dict[str, Callable[[], Any]] = {
        "memory": MemoryStore,
        "sqlite": lambda: SqliteStore(sqlite_path),
        "redis": lambda: RedisStore(os.environ["HOOKSEAL_TEST_REDIS_URL"]),
        "postgres": lambda: PostgresStore(os.environ["HOOKSEAL_TEST_POSTGRES_URL"]),
    }
    print(f"python\tverify\t1\t{verifications():.0f}", flush=True)
    for name, make in stores.items():
        for clients in (1, 16):
            print(f"python\t{name}\t{clients}\t{claims(make, clients):.0f}", flush=True)


if __name__ == "__main__":
    main()
