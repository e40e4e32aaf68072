"""Claims in Redis (redis-py): one ``SET key 1 NX PX ttl``, atomic on the server and
shared by every receiver that reaches it; Redis expires the keys itself. Needs the
extra ``hookseal[redis]``.

>>> from hookseal.stores import RedisStore
>>> store = RedisStore("redis://127.0.0.1:6379/0")  # doctest: +SKIP
>>> store.claim("salesos:evt_1", ttl=7 * 24 * 3600)  # doctest: +SKIP
'first'
"""

from __future__ import annotations

from typing import Any, Optional

from ._contract import DUPLICATE, FIRST, Claim, check_key, load_driver, ttl_ms


class RedisStore:
    """Claims in Redis, for receivers on several machines. Pass ``url``, or a
    ``client`` (a ``redis.Redis``) you already have, which is then yours to close.
    Keys are stored as ``prefix + key``."""

    def __init__(self, url: Optional[str] = None, *, client: Any = None, prefix: str = "hookseal:") -> None:
        if client is None:
            if not url:
                raise ValueError("RedisStore needs a url or a client")
            client = load_driver("redis", "RedisStore", "redis").Redis.from_url(url)
            self._owned = True
        else:
            self._owned = False
        self._client = client
        self.prefix = prefix

    def claim(self, key: str, ttl: Optional[float] = None) -> Claim:
        """Claims ``key`` for ``ttl`` seconds (default 30 days)."""
        key, life = check_key(key), ttl_ms(ttl)
        return FIRST if self._client.set(self.prefix + key, 1, nx=True, px=life) else DUPLICATE

    def release(self, key: str) -> None:
        """Forgets the claim, so that the provider's retry is processed."""
        self._client.delete(self.prefix + check_key(key))

    def close(self) -> None:
        if self._owned:
            self._client.close()
