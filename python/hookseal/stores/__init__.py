"""Where a receiver remembers the deliveries it has processed, so that a provider's
retry or a replay is acknowledged without running the handler twice, and a delivery
whose handler failed or crashed is run again.

The contract, the same in every store and every runtime (docs/stores.md):

- ``claim(key, lease=None) -> Claim``: atomic. ``"first"`` (with an owner ``token``):
  this attempt holds a processing lease of ``lease`` seconds (default 60);
  ``"processing"``: another attempt holds it (``lease_left`` seconds more); ``"done"``:
  completed within the TTL;
- ``complete(key, token, ttl=None)``: the handler answered 2xx, the key is done for
  ``ttl`` seconds (default 30 days);
- ``release(key, token)``: anything else; the provider's retry runs the handler;
- ``close()``.

``complete`` and ``release`` change the claim only while it holds ``token``. A receiver
killed inside its handler costs one lease: the first retry after it runs the handler.

``MemoryStore`` (the default, one process) and ``SqliteStore`` (one machine) need
nothing installed; ``RedisStore`` needs ``hookseal[redis]`` and ``PostgresStore``
``hookseal[postgres]``, imported only when one is created.

>>> from hookseal.stores import MemoryStore, DEFAULT_LEASE, DEFAULT_TTL
>>> DEFAULT_LEASE, DEFAULT_TTL == 30 * 24 * 3600
(60, True)
>>> MemoryStore().claim("github:delivery-1").outcome
'first'
"""

from __future__ import annotations

from ._contract import DEFAULT_LEASE, DEFAULT_TTL, DONE, FIRST, PROCESSING, Claim, Outcome, Store
from ._dedupe import DUPLICATE_BODY, claim_key, run_once, settle
from .memory import MemoryStore
from .postgres import PostgresStore
from .redis import RedisStore
from .sqlite import SqliteStore

__all__ = [
    "Claim",
    "DEFAULT_LEASE",
    "DEFAULT_TTL",
    "DONE",
    "DUPLICATE_BODY",
    "FIRST",
    "MemoryStore",
    "Outcome",
    "PROCESSING",
    "PostgresStore",
    "RedisStore",
    "SqliteStore",
    "Store",
    "claim_key",
    "run_once",
    "settle",
]
