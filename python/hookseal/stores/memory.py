"""The default store: a bounded LRU of claims, each with a lifetime, in this process.

>>> from hookseal.stores import MemoryStore
>>> store = MemoryStore(max_keys=10_000)
>>> first = store.claim("saleslab:evt_1")
>>> first.outcome, store.claim("saleslab:evt_1").outcome
('first', 'processing')
>>> store.complete("saleslab:evt_1", first.token); store.claim("saleslab:evt_1").outcome
'done'
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, Optional, Tuple

from ._contract import DONE, FIRST, PROCESSING, Claim, check_key, check_token, claimed, lease_ms, new_token, ttl_ms


class MemoryStore:
    """Claims kept in memory, for a receiver that runs as one process. Holds at most
    ``max_keys`` claims; past that the least recently used is forgotten, so a very old
    delivery could be processed twice rather than the process running out of memory.
    ``now`` (seconds) is for tests."""

    #: Its calls never wait on I/O (a dict under a lock held for a few dict operations),
    #: so async helpers call it on the event loop instead of in a worker thread.
    blocking = False

    def __init__(self, max_keys: int = 100_000, *, now: Callable[[], float] = time.time) -> None:
        if isinstance(max_keys, bool) or not isinstance(max_keys, int) or max_keys < 1:
            raise TypeError("max_keys must be a positive integer")
        self.max_keys = max_keys
        self._now = now
        # key -> (owner token, or None once done; when it expires, ms). The order is
        # least to most recently used.
        self._claims: OrderedDict[str, Tuple[Optional[str], int]] = OrderedDict()
        self._lock = threading.Lock()

    def _ms(self) -> int:
        return int(self._now() * 1000)

    def claim(self, key: str, lease: Optional[float] = None) -> Claim:
        """Claims ``key`` with a processing lease of ``lease`` seconds (default 60)."""
        key, life = check_key(key), lease_ms(lease)
        now = self._ms()
        with self._lock:
            held = self._claims.get(key)
            if held is not None and held[1] > now:
                self._claims.move_to_end(key)
                token, expires = held
                return claimed(PROCESSING, lease_left_ms=expires - now) if token else claimed(DONE)
            token = new_token()
            self._claims[key] = (token, now + life)
            self._claims.move_to_end(key)
            while len(self._claims) > self.max_keys:
                self._claims.popitem(last=False)
            return claimed(FIRST, token)

    def complete(self, key: str, token: str, ttl: Optional[float] = None) -> None:
        """Marks the claim done for ``ttl`` seconds (default 30 days), if ``token`` holds it."""
        key, token, life = check_key(key), check_token(token), ttl_ms(ttl)
        with self._lock:
            if self._owned(key, token):
                self._claims[key] = (None, self._ms() + life)

    def release(self, key: str, token: str) -> None:
        """Forgets the claim if ``token`` still holds it, so the provider's retry runs."""
        key, token = check_key(key), check_token(token)
        with self._lock:
            if self._owned(key, token):
                del self._claims[key]

    def _owned(self, key: str, token: str) -> bool:
        held = self._claims.get(key)
        return held is not None and held[0] == token

    def __len__(self) -> int:
        return len(self._claims)

    def close(self) -> None:
        """Nothing to close; here so every store has the same shape."""
