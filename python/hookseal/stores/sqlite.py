"""Claims in a SQLite file (the standard library's ``sqlite3``), shared by every process
on one machine. WAL and a busy timeout let several receivers write the same file; a
claim is one ``INSERT … ON CONFLICT``, so SQLite's write lock makes it atomic across
processes. The table layout is the same in every runtime (docs/stores.md): a row with a
token is a processing lease, a row without one is done, until ``expires_at`` (ms).

>>> import os, tempfile
>>> from hookseal.stores import SqliteStore
>>> store = SqliteStore(os.path.join(tempfile.mkdtemp(), "hookseal.db"))
>>> first = store.claim("stripe:evt_1")
>>> first.outcome, store.claim("stripe:evt_1").outcome
('first', 'processing')
>>> store.release("stripe:evt_1", first.token); store.claim("stripe:evt_1").outcome
'first'
>>> store.close()
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from typing import Callable, Optional

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
    release_if_unknown,
    ttl_ms,
)

_TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SqliteStore:
    """Claims in the SQLite database at ``path``, for several receiver processes on
    one machine. The table (default ``hookseal_claims``) is created if missing, and a
    table of the previous layout (no ``token`` column) gains one: its rows read as done.
    Expired rows are swept every ``sweep_every`` claims, best-effort."""

    def __init__(
        self,
        path: str,
        *,
        table: str = "hookseal_claims",
        busy_timeout: float = 5.0,
        sweep_every: int = 1000,
        now: Callable[[], float] = time.time,
    ) -> None:
        if not _TABLE.match(table):
            raise ValueError(f"not a plain SQL table name: {table!r}")
        self._now = now
        self._lock = threading.Lock()
        self._sweep = Every(sweep_every)
        # One connection, used under a lock by every thread: autocommit (each
        # statement is its own transaction).
        self._db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode = WAL")
        # WAL with NORMAL syncs at checkpoints, not at every claim: a power cut may
        # forget the last claims (a retry then runs again), a crashed process never.
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, expires_at INTEGER, token TEXT)")
        try:
            self._db.execute(f"ALTER TABLE {table} ADD COLUMN token TEXT")
        except sqlite3.OperationalError as e:
            # The table has it already (created so, or another receiver added it).
            if "duplicate column" not in str(e):
                raise
        # A new key is inserted and an expired one taken over, with this attempt's
        # token; a live one is left alone, and then no row changes.
        self._claim_sql = (
            f"INSERT INTO {table} (key, expires_at, token) VALUES (?, ?, ?) ON CONFLICT (key) "
            f"DO UPDATE SET expires_at = excluded.expires_at, token = excluded.token "
            f"WHERE {table}.expires_at <= ?"
        )
        self._held_sql = f"SELECT token, expires_at FROM {table} WHERE key = ?"
        self._complete_sql = f"UPDATE {table} SET token = NULL, expires_at = ? WHERE key = ? AND token = ?"
        self._release_sql = f"DELETE FROM {table} WHERE key = ? AND token = ?"
        self._sweep_sql = f"DELETE FROM {table} WHERE expires_at <= ?"

    def _ms(self) -> int:
        return int(self._now() * 1000)

    def claim(self, key: str, lease: Optional[float] = None) -> Claim:
        """Claims ``key`` with a processing lease of ``lease`` seconds (default 60)."""
        key, life = check_key(key), lease_ms(lease)
        found = release_if_unknown(lambda token: self._claim(key, life, token), lambda token: self.release(key, token))
        self._maybe_sweep()
        return found

    def _claim(self, key: str, life: int, token: str) -> Claim:
        with self._lock:
            # Twice at most: a row found live by the INSERT may be gone (released or
            # expired) by the SELECT, and then the claim is tried once more.
            for _ in range(2):
                now = self._ms()
                if self._db.execute(self._claim_sql, (key, now + life, token, now)).rowcount == 1:
                    return claimed(FIRST, token)
                row = self._db.execute(self._held_sql, (key,)).fetchone()
                if row is not None:
                    held, expires = row
                    if held is None:
                        return claimed(DONE)
                    return claimed(PROCESSING, lease_left_ms=(expires or 0) - now)
        return claimed(PROCESSING, lease_left_ms=life)

    def complete(self, key: str, token: str, ttl: Optional[float] = None) -> None:
        """Marks the claim done for ``ttl`` seconds (default 30 days), if ``token`` holds it."""
        key, token, life = check_key(key), check_token(token), ttl_ms(ttl)
        with self._lock:
            self._db.execute(self._complete_sql, (self._ms() + life, key, token))

    def release(self, key: str, token: str) -> None:
        """Forgets the claim if ``token`` still holds it, so the provider's retry runs."""
        key, token = check_key(key), check_token(token)
        with self._lock:
            self._db.execute(self._release_sql, (key, token))

    def _maybe_sweep(self) -> None:
        # Expired rows are taken over on a repeat; the sweep keeps the rest from piling
        # up. It runs after the claim's answer is known, in its own statement.
        if self._sweep.due():
            with self._lock:
                best_effort(lambda: self._db.execute(self._sweep_sql, (self._ms(),)))

    def close(self) -> None:
        with self._lock:
            self._db.close()
