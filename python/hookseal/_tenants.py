"""Per-tenant secrets (docs/tenants.md): a verifier per tenant, built from what the app's
resolver returns, cached with a bound and a TTL so a rotated secret is picked up without
a restart.

- ``tenant(request)`` names the tenant (from path parameters or headers, never the
  unverified body); empty is answered ``unknown_tenant`` (404).
- ``secrets(tenant)`` returns the tenant's secrets (a list, as ``Verifier`` takes them;
  entries may carry a ``not_after``), or an awaitable of them in the async helpers. Empty
  or ``None``: ``unknown_tenant`` (404). It raised: ``secrets_unavailable`` (503 with
  ``Retry-After``), so the provider retries and nothing is lost. A secret the verifier
  refuses: its code (``invalid_secret``, 500).
- Built verifiers are kept for ``ttl`` seconds, at most ``max`` tenants (least recently
  used go first); defaults from the receive contract's ``tenants`` section. Answers are
  never cached; concurrent misses of one tenant share one resolver call (threads and
  asyncio tasks alike).

>>> import hookseal
>>> secrets = {"acme": ["whsec_acme"]}
>>> calls = []
>>> def load(tenant):
...     calls.append(tenant)
...     return secrets.get(tenant)
>>> tenants = Tenants("salesbooth", load, {})
>>> tenants.resolve("acme") is tenants.resolve("acme"), calls
(True, ['acme'])
>>> tenants.resolve("globex").status
404
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Tuple, Union

from ._http import error_answer
from ._receive import TENANT_CACHE_MAX as DEFAULT_MAX
from ._receive import TENANT_CACHE_TTL as DEFAULT_TTL
from ._receive import Answer, rejection, tenant_claim_key
from ._verifier import Verifier
from .errors import VerificationError

log = logging.getLogger("hookseal")

Resolved = Union[Verifier, Answer]
SecretsResolver = Callable[[str], Any]


class _Flight:
    """One resolver call that concurrent misses of a tenant (threads) wait for."""

    __slots__ = ("done", "result")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: Resolved = rejection("secrets_unavailable")


class Tenants:
    """The verifiers of a helper's tenants: ``resolve(tenant)`` (threads) or
    ``await resolve_async(tenant)`` gives the tenant's ``Verifier``, or the ``Answer``
    that rejects the request.

    ``cache`` is the helper's ``tenant_cache`` option: ``max`` (tenants kept), ``ttl``
    (seconds) and, for tests, ``clock`` (a monotonic clock in seconds)."""

    def __init__(self, scheme: str, secrets: SecretsResolver, options: Mapping[str, Any], cache: Any = None) -> None:
        if not callable(secrets):
            raise TypeError("secrets= with tenant= is a function of the tenant, returning its secrets")
        cache = dict(cache or {})
        unknown = set(cache) - {"max", "ttl", "clock"}
        if unknown:
            raise TypeError(f"tenant_cache takes max, ttl and clock, not {', '.join(sorted(unknown))}")
        self.scheme = scheme
        self.options = dict(options)
        self.max = int(cache.get("max", DEFAULT_MAX))
        self.ttl = float(cache.get("ttl", DEFAULT_TTL))
        if self.max < 1 or self.ttl < 0:
            raise ValueError("tenant_cache max is at least 1 and ttl at least 0 seconds")
        self.clock: Callable[[], float] = cache.get("clock", time.monotonic)
        self._secrets = secrets
        self._lock = threading.Lock()
        self._entries: "OrderedDict[str, Tuple[float, Verifier]]" = OrderedDict()
        self._flights: Dict[str, _Flight] = {}
        self._tasks: Dict[str, "asyncio.Task[Resolved]"] = {}

    def cached(self, tenant: str) -> Optional[Verifier]:
        """The tenant's verifier while it is fresh (the hit path), else ``None``."""
        with self._lock:
            entry = self._entries.get(tenant)
            if entry is None:
                return None
            if entry[0] <= self.clock():
                del self._entries[tenant]
                return None
            self._entries.move_to_end(tenant)
            return entry[1]

    def resolve(self, tenant: str) -> Resolved:
        """The tenant's verifier, or the answer: for a sync helper (one resolver call per
        miss, whichever threads ask at once)."""
        verifier = self.cached(tenant)
        if verifier is not None:
            return verifier
        with self._lock:
            flight = self._flights.get(tenant)
            leader = flight is None
            if flight is None:
                flight = self._flights[tenant] = _Flight()
        if not leader:
            flight.done.wait()
            return flight.result
        misuse = False
        try:
            value = self._secrets(tenant)
            misuse = inspect.isawaitable(value)
            if misuse:
                _close(value)
            else:
                flight.result = self._build(tenant, value)
        except Exception as e:
            flight.result = self._unavailable(e)
        finally:
            with self._lock:
                del self._flights[tenant]
            flight.done.set()
        if misuse:
            raise TypeError("this helper is synchronous: secrets= must return the secrets, not an awaitable")
        return flight.result

    async def resolve_async(self, tenant: str) -> Resolved:
        """The tenant's verifier, or the answer: for an async helper. ``secrets`` may be
        a coroutine function; one resolver call per miss, run as a task, so a request
        cancelled while it waits cancels nobody else's."""
        verifier = self.cached(tenant)
        if verifier is not None:
            return verifier
        loop = asyncio.get_running_loop()
        with self._lock:
            task = self._tasks.get(tenant)
            if task is None or task.get_loop() is not loop:
                task = self._tasks[tenant] = loop.create_task(self._load_async(tenant))
        return await asyncio.shield(task)

    async def _load_async(self, tenant: str) -> Resolved:
        try:
            value = self._secrets(tenant)
            if inspect.isawaitable(value):
                value = await value
            return self._build(tenant, value)
        except Exception as e:
            return self._unavailable(e)
        finally:
            with self._lock:
                self._tasks.pop(tenant, None)

    def _unavailable(self, error: BaseException) -> Answer:
        # Not cached: the next request asks the resolver again. The tenant is not logged
        # (it comes from an unverified request), nor the error's text (it may hold a DSN).
        log.warning("hookseal: the secrets resolver raised %s: answered secrets_unavailable", type(error).__name__)
        return rejection("secrets_unavailable")

    def _build(self, tenant: str, value: Any) -> Resolved:
        if value is None:
            return rejection("unknown_tenant")
        if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
            value = [value]
        secrets = list(value)
        if not secrets:
            return rejection("unknown_tenant")
        try:
            verifier = Verifier(self.scheme, secrets, **self.options)
        except VerificationError as e:
            return error_answer(e)
        with self._lock:
            self._entries[tenant] = (self.clock() + self.ttl, verifier)
            self._entries.move_to_end(tenant)
            while len(self._entries) > self.max:
                self._entries.popitem(last=False)
        return verifier


def _close(value: Awaitable[Any]) -> None:
    close = getattr(value, "close", None)
    if callable(close):
        close()
