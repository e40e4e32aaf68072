"""Claims in Redis (redis-py): each operation is one Lua script, atomic on the server and
shared by every receiver that reaches it; Redis expires the keys itself. A value
``lease:<token>`` is a processing lease, ``done`` a completed delivery, and any other
value (the previous version wrote ``1``) reads as done. Needs ``hookseal[redis]``.

>>> from hookseal.stores import RedisStore
>>> store = RedisStore("redis://127.0.0.1:6379/0")  # doctest: +SKIP
>>> store.claim("salesos:evt_1", lease=30).outcome  # doctest: +SKIP
'first'
"""

from __future__ import annotations

from typing import Any, Optional

from ._contract import (
    DONE,
    FIRST,
    PROCESSING,
    Claim,
    check_key,
    check_token,
    claimed,
    lease_ms,
    load_driver,
    release_if_unknown,
    ttl_ms,
)

# A claim that finds its own token (the driver retried a claim whose first try applied)
# is still this attempt's: first.
_CLAIM = """
local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], 'lease:'..ARGV[1], 'PX', ARGV[2]) return {1, 0} end
if v == 'lease:'..ARGV[1] then return {1, 0} end
if string.sub(v, 1, 6) == 'lease:' then return {2, redis.call('PTTL', KEYS[1])} end
return {3, 0}
"""
_COMPLETE = """
if redis.call('GET', KEYS[1]) == 'lease:'..ARGV[1] then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end
return 0
"""
_RELEASE = """
if redis.call('GET', KEYS[1]) == 'lease:'..ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_OUTCOMES = {1: FIRST, 2: PROCESSING, 3: DONE}


class RedisStore:
    """Claims in Redis, for receivers on several machines. Pass ``url``, or a
    ``client`` (a ``redis.Redis``) you already have, which is then yours to close.
    Keys are stored as ``prefix + key``. A client made from ``url`` gives up connecting
    after ``connect_timeout`` seconds and waiting for a command after ``timeout``
    (below the providers' 8-10 s budget), and reconnects on the next command after a
    server restart."""

    def __init__(
        self,
        url: Optional[str] = None,
        *,
        client: Any = None,
        prefix: str = "hookseal:",
        connect_timeout: float = 3.0,
        timeout: float = 5.0,
    ) -> None:
        if client is None:
            if not url:
                raise ValueError("RedisStore needs a url or a client")
            redis = load_driver("redis", "RedisStore", "redis")
            client = redis.Redis.from_url(url, socket_connect_timeout=connect_timeout, socket_timeout=timeout)
            self._owned = True
        else:
            self._owned = False
        self._client = client
        self.prefix = prefix
        # Scripts are sent by hash (EVALSHA), and again in full when a restarted server
        # no longer knows them.
        self._claim = client.register_script(_CLAIM)
        self._complete = client.register_script(_COMPLETE)
        self._release = client.register_script(_RELEASE)

    def claim(self, key: str, lease: Optional[float] = None) -> Claim:
        """Claims ``key`` with a processing lease of ``lease`` seconds (default 60)."""
        name, life = self.prefix + check_key(key), lease_ms(lease)

        def run(token: str) -> Claim:
            code, left = self._claim(keys=[name], args=[token, life])
            outcome = _OUTCOMES[int(code)]
            return claimed(outcome, token if outcome == FIRST else None, int(left))

        return release_if_unknown(run, lambda token: self.release(key, token))

    def complete(self, key: str, token: str, ttl: Optional[float] = None) -> None:
        """Marks the claim done for ``ttl`` seconds (default 30 days), if ``token`` holds it."""
        name, token, life = self.prefix + check_key(key), check_token(token), ttl_ms(ttl)
        self._complete(keys=[name], args=[token, life])

    def release(self, key: str, token: str) -> None:
        """Forgets the claim if ``token`` still holds it, so the provider's retry runs."""
        name, token = self.prefix + check_key(key), check_token(token)
        self._release(keys=[name], args=[token])

    def close(self) -> None:
        if self._owned:
            self._client.close()
