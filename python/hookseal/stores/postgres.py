"""Claims in PostgreSQL (psycopg 3): one ``INSERT … ON CONFLICT`` per claim, atomic
under the primary key and shared by every receiver that reaches the database. The
table is created if missing. Needs the extra ``hookseal[postgres]``.

>>> from hookseal.stores import PostgresStore
>>> store = PostgresStore("postgresql://app@127.0.0.1/app")  # doctest: +SKIP
>>> store.claim("salesbooth:evt_1")  # doctest: +SKIP
'first'
"""

from __future__ import annotations

import re
import threading
from typing import Any, Optional

from ._contract import DUPLICATE, FIRST, Claim, check_key, load_driver, ttl_ms

_TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
# Another receiver created the same table at the same moment: it exists.
_ALREADY_CREATED = {"42P07", "23505"}


class PostgresStore:
    """Claims in a PostgreSQL table (default ``hookseal_claims``), for receivers on
    several machines. Pass a ``conninfo`` URL, or a psycopg ``connection`` in
    autocommit mode that you already have (yours to close). One connection is shared,
    under a lock, by the threads of a process."""

    def __init__(
        self, conninfo: Optional[str] = None, *, connection: Any = None, table: str = "hookseal_claims"
    ) -> None:
        if not _TABLE.match(table):
            raise ValueError(f"not a plain SQL table name: {table!r}")
        if connection is None:
            if not conninfo:
                raise ValueError("PostgresStore needs a conninfo or a connection")
            connection = load_driver("psycopg", "PostgresStore", "postgres").connect(conninfo, autocommit=True)
            self._owned = True
        else:
            self._owned = False
        self._db = connection
        self._lock = threading.Lock()
        self._since_sweep = 0
        try:
            self._db.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (key text PRIMARY KEY, expires_at timestamptz NOT NULL)"
            )
        except Exception as e:
            if getattr(e, "sqlstate", None) not in _ALREADY_CREATED:
                raise
        # ON CONFLICT DO NOTHING, except that an expired claim is taken over: a row comes
        # back only when this statement inserted or took over the key.
        self._claim_sql = (
            f"INSERT INTO {table} AS t (key, expires_at) VALUES (%s, now() + %s * interval '1 millisecond') "
            "ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE t.expires_at <= now() "
            "RETURNING 1"
        )
        self._release_sql = f"DELETE FROM {table} WHERE key = %s"
        self._sweep_sql = f"DELETE FROM {table} WHERE expires_at <= now()"

    def claim(self, key: str, ttl: Optional[float] = None) -> Claim:
        """Claims ``key`` for ``ttl`` seconds (default 30 days)."""
        key, life = check_key(key), ttl_ms(ttl)
        with self._lock:
            row = self._db.execute(self._claim_sql, (key, life)).fetchone()
            self._since_sweep += 1
            if self._since_sweep >= 1000:
                self._since_sweep = 0
                self._db.execute(self._sweep_sql)
        return FIRST if row is not None else DUPLICATE

    def release(self, key: str) -> None:
        """Forgets the claim, so that the provider's retry is processed."""
        with self._lock:
            self._db.execute(self._release_sql, (check_key(key),))

    def close(self) -> None:
        if self._owned:
            self._db.close()
