"""Claims in PostgreSQL (psycopg 3 and psycopg_pool): one ``INSERT … ON CONFLICT`` per
claim, atomic under the primary key and shared by every receiver that reaches the
database. The table is created if missing, and one of the previous layout gains its
``token`` column (its rows read as done). Needs the extra ``hookseal[postgres]``.

>>> from hookseal.stores import PostgresStore
>>> store = PostgresStore("postgresql://app@127.0.0.1/app")  # doctest: +SKIP
>>> store.claim("salesbooth:evt_1").outcome  # doctest: +SKIP
'first'
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from ._contract import (
    DONE,
    FIRST,
    PROCESSING,
    Claim,
    Every,
    best_effort,
    check_key,
    check_token,
    claimed,
    lease_ms,
    load_driver,
    release_if_unknown,
    ttl_ms,
)

_TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
# Another receiver created the same table, or added the column, at the same moment.
_ALREADY_CREATED = {"42P07", "23505", "42701"}


class _Given:
    """A connection the caller owns, shaped like a pool of one (used under a lock)."""

    def __init__(self, connection: Any) -> None:
        self._db = connection
        self._lock = threading.Lock()

    @contextmanager
    def connection(self) -> Iterator[Any]:
        with self._lock:
            yield self._db

    def close(self) -> None:
        pass


class PostgresStore:
    """Claims in a PostgreSQL table (default ``hookseal_claims``), for receivers on
    several machines.

    Pass a ``conninfo`` URL: the store keeps a pool of up to ``max_size`` connections,
    checks a connection before each use and replaces a broken one, so it carries on
    after a server restart or a terminated backend. Connecting gives up after
    ``connect_timeout`` seconds, and each statement (or the wait for a free connection)
    after ``timeout`` seconds, below the providers' 8-10 s budget. Or pass a psycopg
    ``connection`` in autocommit mode that you already have (yours to close and to
    reconnect). Expired rows are swept every ``sweep_every`` claims, best-effort."""

    def __init__(
        self,
        conninfo: Optional[str] = None,
        *,
        connection: Any = None,
        table: str = "hookseal_claims",
        connect_timeout: float = 3.0,
        timeout: float = 5.0,
        max_size: int = 10,
        sweep_every: int = 1000,
    ) -> None:
        if not _TABLE.match(table):
            raise ValueError(f"not a plain SQL table name: {table!r}")
        if connection is not None:
            self._pool: Any = _Given(connection)
        elif conninfo:
            pool = load_driver("psycopg_pool", "PostgresStore", "postgres")
            options = {
                "autocommit": True,
                # libpq counts whole seconds, at least 2.
                "connect_timeout": max(2, round(connect_timeout)),
                "options": f"-c statement_timeout={max(1, round(timeout * 1000))}",
            }
            self._pool = pool.ConnectionPool(
                conninfo,
                min_size=1,
                max_size=max_size,
                kwargs=options,
                timeout=timeout,
                check=pool.ConnectionPool.check_connection,
                open=True,
            )
        else:
            raise ValueError("PostgresStore needs a conninfo or a connection")
        self._sweep = Every(sweep_every)
        for ddl in (
            f"CREATE TABLE IF NOT EXISTS {table} (key text PRIMARY KEY, expires_at timestamptz, token text)",
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS token text",
        ):
            try:
                self._execute(ddl)
            except Exception as e:
                if getattr(e, "sqlstate", None) not in _ALREADY_CREATED:
                    raise
        # A new key is inserted and an expired one taken over: a row comes back only
        # when this statement wrote this attempt's token.
        self._claim_sql = (
            f"INSERT INTO {table} AS t (key, expires_at, token) "
            "VALUES (%s, now() + %s * interval '1 millisecond', %s) "
            "ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at, token = EXCLUDED.token "
            "WHERE t.expires_at <= now() RETURNING 1"
        )
        self._held_sql = (
            f"SELECT token, GREATEST(0, EXTRACT(EPOCH FROM expires_at - now()) * 1000)::bigint FROM {table} WHERE key = %s"
        )
        self._complete_sql = (
            f"UPDATE {table} SET token = NULL, expires_at = now() + %s * interval '1 millisecond' "
            "WHERE key = %s AND token = %s"
        )
        self._release_sql = f"DELETE FROM {table} WHERE key = %s AND token = %s"
        self._sweep_sql = f"DELETE FROM {table} WHERE expires_at <= now()"

    def _execute(self, sql: str, params: Any = None) -> None:
        with self._pool.connection() as db:
            db.execute(sql, params)

    def claim(self, key: str, lease: Optional[float] = None) -> Claim:
        """Claims ``key`` with a processing lease of ``lease`` seconds (default 60)."""
        key, life = check_key(key), lease_ms(lease)
        found = release_if_unknown(lambda token: self._claim(key, life, token), lambda token: self.release(key, token))
        self._maybe_sweep()
        return found

    def _claim(self, key: str, life: int, token: str) -> Claim:
        with self._pool.connection() as db:
            # Twice at most: a row found live by the INSERT may be gone (released or
            # expired) by the SELECT, and then the claim is tried once more.
            for _ in range(2):
                if db.execute(self._claim_sql, (key, life, token)).fetchone() is not None:
                    return claimed(FIRST, token)
                row = db.execute(self._held_sql, (key,)).fetchone()
                if row is not None:
                    held, left = row
                    if held is None:
                        return claimed(DONE)
                    return claimed(PROCESSING, lease_left_ms=left)
        return claimed(PROCESSING, lease_left_ms=life)

    def complete(self, key: str, token: str, ttl: Optional[float] = None) -> None:
        """Marks the claim done for ``ttl`` seconds (default 30 days), if ``token`` holds it."""
        self._execute(self._complete_sql, (ttl_ms(ttl), check_key(key), check_token(token)))

    def release(self, key: str, token: str) -> None:
        """Forgets the claim if ``token`` still holds it, so the provider's retry runs."""
        self._execute(self._release_sql, (check_key(key), check_token(token)))

    def _maybe_sweep(self) -> None:
        # After the claim's answer is known, in its own statement, never failing it.
        if self._sweep.due():
            best_effort(lambda: self._execute(self._sweep_sql))

    def close(self) -> None:
        self._pool.close()
