"""Data written by the previous version (a table without ``token``; a Redis value ``1``)
reads as done: a delivery processed before the upgrade stays a duplicate after it."""

from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from hookseal.stores import PostgresStore, RedisStore, SqliteStore
from stores_cases import POSTGRES_URL, REDIS_URL, RUN, Kind, kinds_named


@pytest.mark.parametrize("kind", kinds_named("sqlite"))
def test_sqlite_old_table(kind: Kind, tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE hookseal_claims (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)")
    old.execute("INSERT INTO hookseal_claims VALUES (?, ?)", ("stripe:evt_old", int(time.time() * 1000) + 86_400_000))
    old.commit()
    old.close()
    store = SqliteStore(path)
    again = SqliteStore(path)  # a second receiver opening the migrated table
    try:
        assert store.claim("stripe:evt_old").outcome == "done"
        assert again.claim("stripe:evt_new").outcome == "first"
    finally:
        store.close()
        again.close()


@pytest.mark.parametrize("kind", kinds_named("postgres"))
def test_postgres_old_table(kind: Kind) -> None:
    import psycopg

    table = f"hookseal_old_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
        db.execute(f"CREATE TABLE {table} (key text PRIMARY KEY, expires_at timestamptz NOT NULL)")
        db.execute(f"INSERT INTO {table} VALUES ('stripe:evt_old', now() + interval '1 day')")
        try:
            store = PostgresStore(POSTGRES_URL, table=table)
            try:
                assert store.claim("stripe:evt_old").outcome == "done"
                assert store.claim("stripe:evt_new").outcome == "first"
            finally:
                store.close()
        finally:
            db.execute(f"DROP TABLE {table}")


@pytest.mark.parametrize("kind", kinds_named("redis"))
def test_redis_old_value(kind: Kind) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    key = f"stripe:evt_old_{RUN}"
    client.set("hookseal:" + key, 1, px=86_400_000)
    store = RedisStore(REDIS_URL)
    try:
        assert store.claim(key).outcome == "done"
    finally:
        store.close()
        client.close()
