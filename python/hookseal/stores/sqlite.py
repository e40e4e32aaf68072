"""Claims in a SQLite file (the standard library's ``sqlite3``), shared by every process
on one machine. WAL and a busy timeout let several receivers write the same file; a
claim is one INSERT, so SQLite's write lock makes it atomic across processes.

>>> import os, tempfile
>>> from hookseal.stores import SqliteStore
>>> store = SqliteStore(os.path.join(tempfile.mkdtemp(), "hookseal.db"))
>>> store.claim("stripe:evt_1"), store.claim("stripe:evt_1")
('first', 'duplicate')
>>> store.close()
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from typing import Callable, Optional

from ._contract import DUPLICATE, FIRST, Claim, check_key, ttl_ms

_TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SqliteStore:
    """Claims in the SQLite database at ``path``, for several receiver processes on
    one machine. The table (default ``hookseal_claims``) is created if missing."""

    def __init__(
        self,
        path: str,
        *,
        table: str = "hookseal_claims",
        busy_timeout: float = 5.0,
        now: Callable[[], float] = time.time,
    ) -> None:
        if not _TABLE.match(table):
            raise ValueError(f"not a plain SQL table name: {table!r}")
        self._now = now
        self._lock = threading.Lock()
        self._since_sweep = 0
        # One connection, used under a lock by every thread: autocommit (each
        # statement is its own transaction).
        self._db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode = WAL")
        # WAL with NORMAL syncs at checkpoints, not at every claim: a power cut may
        # forget the last claims (a retry then runs again), a crashed process never.
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)")
        # A new key is inserted; an expired one taken over; a live one left alone, and
        # then no row changes: a duplicate.
        self._claim_sql = (
            f"INSERT INTO {table} (key, expires_at) VALUES (?, ?) ON CONFLICT (key) "
            f"DO UPDATE SET expires_at = excluded.expires_at WHERE {table}.expires_at <= ?"
        )
        self._release_sql = f"DELETE FROM {table} WHERE key = ?"
        self._sweep_sql = f"DELETE FROM {table} WHERE expires_at <= ?"

    def claim(self, key: str, ttl: Optional[float] = None) -> Claim:
        """Claims ``key`` for ``ttl`` seconds (default 30 days)."""
        key, life = check_key(key), ttl_ms(ttl)
        now = int(self._now() * 1000)
        with self._lock:
            changed = self._db.execute(self._claim_sql, (key, now + life, now)).rowcount
            # Expired rows are taken over on a repeat; this keeps the rest from piling up.
            self._since_sweep += 1
            if self._since_sweep >= 1000:
                self._since_sweep = 0
                self._db.execute(self._sweep_sql, (now,))
        return FIRST if changed == 1 else DUPLICATE

    def release(self, key: str) -> None:
        """Forgets the claim, so that the provider's retry is processed."""
        with self._lock:
            self._db.execute(self._release_sql, (check_key(key),))

    def close(self) -> None:
        with self._lock:
            self._db.close()
