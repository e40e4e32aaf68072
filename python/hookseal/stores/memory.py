"""The default store: a bounded LRU of claims, each with a lifetime, in this process.

>>> from hookseal.stores import MemoryStore
>>> store = MemoryStore(max_keys=10_000)
>>> store.claim("saleslab:evt_1"), store.claim("saleslab:evt_1")
('first', 'duplicate')
>>> store.release("saleslab:evt_1"); store.claim("saleslab:evt_1")
'first'
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Optional

from ._contract import DUPLICATE, FIRST, Claim, check_key, ttl_ms


class MemoryStore:
    """Claims kept in memory, for a receiver that runs as one process. Holds at most
    ``max_keys`` claims; past that the least recently used is forgotten, so a very old
    delivery could be processed twice rather than the process running out of memory.
    ``now`` (seconds) is for tests."""

    def __init__(self, max_keys: int = 100_000, *, now: Callable[[], float] = time.time) -> None:
        if isinstance(max_keys, bool) or not isinstance(max_keys, int) or max_keys < 1:
            raise TypeError("max_keys must be a positive integer")
        self.max_keys = max_keys
        self._now = now
        # key -> when the claim expires (ms); the order is least to most recently used.
        self._claims: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()

    def claim(self, key: str, ttl: Optional[float] = None) -> Claim:
        """Claims ``key`` for ``ttl`` seconds (default 30 days)."""
        key, life = check_key(key), ttl_ms(ttl)
        now = int(self._now() * 1000)
        with self._lock:
            expires = self._claims.get(key)
            if expires is not None and expires > now:
                self._claims.move_to_end(key)
                return DUPLICATE
            self._claims[key] = now + life
            self._claims.move_to_end(key)
            while len(self._claims) > self.max_keys:
                self._claims.popitem(last=False)
            return FIRST

    def release(self, key: str) -> None:
        """Forgets the claim, so that the provider's retry is processed."""
        with self._lock:
            self._claims.pop(check_key(key), None)

    def __len__(self) -> int:
        return len(self._claims)

    def close(self) -> None:
        """Nothing to close; here so every store has the same shape."""
