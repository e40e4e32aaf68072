"""Where a receiver remembers the deliveries it has processed, so that a provider's
retry or a replay is acknowledged without running the handler twice.

The contract, the same in every store and every runtime:

- ``claim(key, ttl=None) -> "first" | "duplicate"``: atomic; ``ttl`` in seconds,
  default 30 days;
- ``release(key)``: forget the claim (the handler failed; the retry must run);
- ``close()``.

``MemoryStore`` (the default, one process) and ``SqliteStore`` (one machine) need
nothing installed; ``RedisStore`` needs ``hookseal[redis]`` and ``PostgresStore``
``hookseal[postgres]``, imported only when one is created.

>>> from hookseal.stores import MemoryStore, DEFAULT_TTL
>>> DEFAULT_TTL == 30 * 24 * 3600
True
>>> MemoryStore().claim("github:delivery-1")
'first'
"""

from __future__ import annotations

from ._contract import DEFAULT_TTL, DUPLICATE, FIRST, Claim, Store
from ._dedupe import DUPLICATE_BODY, claim_key, run_once
from .memory import MemoryStore
from .postgres import PostgresStore
from .redis import RedisStore
from .sqlite import SqliteStore

__all__ = [
    "Claim",
    "DEFAULT_TTL",
    "DUPLICATE",
    "DUPLICATE_BODY",
    "FIRST",
    "MemoryStore",
    "PostgresStore",
    "RedisStore",
    "SqliteStore",
    "Store",
    "claim_key",
    "run_once",
]
