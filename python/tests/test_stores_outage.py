"""Store failures never leave an unprocessed "duplicate":

- a Redis server killed mid-test (our own redis-server on a free port) is 503
  ``store_unavailable`` with ``Retry-After`` during the outage, and the retry after its
  restart runs the handler;
- the PostgreSQL store carries on after its backend connections are terminated;
- a failing expiry sweep never fails a claim;
- a claim whose write applied but whose answer was lost is released by the store.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import pytest

from hookseal.stores import PostgresStore, RedisStore, run_once
from processes import FRAMEWORKS, deliver, delivery, running, wait_for
from stores_cases import POSTGRES_URL, REQUIRED, RUN, Kind, kinds, kinds_named
from test_stores_crash import Scene

_n = itertools.count()


def fresh() -> str:
    return f"outage:{RUN}:{next(_n)}"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OwnRedis:
    """A redis-server of this test's own, on a free port: killed and restarted at will."""

    def __init__(self, tmp: Path) -> None:
        self.port = free_port()
        self.dir = tmp
        self.proc: "subprocess.Popen[bytes] | None" = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.dir),
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        wait_for(lambda: _pings(client))
        client.close()

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait(timeout=30)


def _pings(client: Any) -> bool:
    try:
        return bool(client.ping())
    except Exception:
        return False


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    missing = shutil.which("redis-server") is None
    try:
        import redis  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if REQUIRED:
            pytest.fail("redis-server and the redis package are needed (scripts/ci/stores.sh)")
        pytest.skip("redis-server or the redis package is missing")
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    if server.proc and server.proc.poll() is None:
        server.kill()


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_redis_killed_and_restarted(framework: str, own_redis: OwnRedis, tmp_path: Path) -> None:
    kind = Kind("redis", True, RedisStore, where=lambda tmp: own_redis.url)
    scene = Scene(framework, kind, tmp_path)
    with running(framework, scene.env) as receiver:
        body, headers, before = scene.event("before", "ok")
        reply = deliver(receiver.url, body, headers)
        assert reply is not None and reply.status == 200

        own_redis.kill()
        body, headers, during = scene.event("during", "ok")
        for _ in range(2):  # the outage lasts: every retry is told to come back
            reply = deliver(receiver.url, body, headers, timeout=15)
            assert reply is not None and reply.status == 503, reply
            assert reply.json["error"] == "store_unavailable"
            assert reply.headers["retry-after"] == "5"
        assert scene.runs_of(during) == []

        own_redis.start()
        reply = deliver(receiver.url, body, headers)
        assert reply is not None and (reply.status, reply.json) == (200, {"processed": True}), reply
        reply = deliver(receiver.url, body, headers)
        assert reply is not None and (reply.status, reply.json) == (200, {"duplicate": True})
        assert scene.runs_of(during) == ["ok"]


@pytest.mark.parametrize("kind", kinds_named("postgres"))
def test_postgres_carries_on_after_its_connections_are_terminated(kind: Kind) -> None:
    import psycopg

    app = f"hookseal_test_{uuid.uuid4().hex[:8]}"
    sep = "&" if "?" in POSTGRES_URL else "?"
    store = PostgresStore(f"{POSTGRES_URL}{sep}application_name={app}")
    try:
        first = store.claim(fresh())
        assert first.outcome == "first"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as admin:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s", (app,)
            ).fetchone()
        assert killed is not None and killed[0] >= 1
        key = fresh()
        again = store.claim(key)  # a new connection replaces the terminated one
        assert again.outcome == "first" and again.token
        store.complete(key, again.token)
        assert store.claim(key).outcome == "done"
    finally:
        store.close()


@pytest.mark.parametrize("kind", kinds_named("sqlite", "postgres"))
def test_a_failing_sweep_never_fails_a_claim(kind: Kind, tmp_path: Path) -> None:
    store = _open(kind, tmp_path, sweep_every=1)
    # An injected failure: the sweep's statement names a table that does not exist.
    store._sweep_sql = "DELETE FROM hookseal_no_such_table"
    try:
        for i in range(3):
            event = _event(f"sweep-{RUN}-{kind.name}-{i}")
            ran = []
            run = lambda: run_once(store, event, handler=lambda: ran.append(1) or 204, status=lambda r: r, respond=lambda a: a)
            assert run() == 204 and ran == [1]  # processed, never a "duplicate" unprocessed
            assert run().body == b'{"duplicate":true}' and ran == [1]
    finally:
        store.close()


@pytest.mark.parametrize("kind", kinds(persistent_only=True))
def test_a_claim_whose_answer_was_lost_is_released(kind: Kind, tmp_path: Path) -> None:
    store = _open(kind, tmp_path)
    applied = store._claim

    def lost(*args: Any, **kwargs: Any) -> Any:
        applied(*args, **kwargs)  # the write applies...
        raise TimeoutError("...and its answer never comes back")

    event = _event(f"lost-{RUN}-{kind.name}")
    ran = []
    try:
        store._claim = lost
        answer = run_once(store, event, handler=lambda: pytest.fail("ran without a claim"), status=lambda r: r, respond=lambda a: a)
        assert answer.status == 503 and answer.body.startswith(b'{"error":"store_unavailable"')
        store._claim = applied
        assert run_once(store, event, handler=lambda: ran.append(1) or 204, status=lambda r: r, respond=lambda a: a) == 204
        assert ran == [1]
    finally:
        store.close()


def _open(kind: Kind, tmp_path: Path, **options: Any) -> Any:
    from hookseal.stores import SqliteStore

    opener = {"sqlite": SqliteStore, "redis": RedisStore, "postgres": PostgresStore}[kind.name]
    return opener(kind.where(tmp_path), **options)


def _event(key: str) -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(scheme="salesbooth", idempotency_key=key)
