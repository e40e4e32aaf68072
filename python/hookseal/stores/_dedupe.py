"""What the framework helpers do with a store, as the core's decision table says
(``hookseal::receive`` ``on_claim`` and ``on_handler``): claim each verified delivery
before the handler; a ``processing`` claim is answered 503 ``delivery_in_progress`` with
``Retry-After``, a ``done`` one 200 ``{"duplicate": true}``, a store error 503
``store_unavailable``; after the handler a 2xx completes the claim and anything else
(any other status, an exception) releases it, so the provider's retry runs.

>>> import hookseal
>>> from hookseal.stores import MemoryStore, run_once
>>> verifier = hookseal.Verifier("saleslab", ["sl_secret"])
>>> body = b'{"delivery_id":"d-1","event_kind":"badge.awarded"}'
>>> event = verifier.verify(body, hookseal.sign("saleslab", "sl_secret", body))
>>> store = MemoryStore()
>>> once = lambda status: run_once(store, event, handler=lambda: status, status=lambda r: r, respond=lambda a: a.status)
>>> once(429), once(204), once(204)
(429, 204, 200)
"""

from __future__ import annotations

import logging
from typing import Any, Callable, NamedTuple, Optional, Tuple, TypeVar

from .._receive import DUPLICATE_BODY, Answer, claim_answer, on_handler
from .._receive import claim_key as _claim_key
from .._receive import tenant_claim_key
from ._contract import FIRST, Store

T = TypeVar("T")
log = logging.getLogger("hookseal")

__all__ = ["DUPLICATE_BODY", "Held", "begin", "blocks", "claim_key", "run_once", "settle"]


class Held(NamedTuple):
    """A claim this attempt holds while its handler runs."""

    store: Store
    key: str
    token: str
    ttl: Optional[float]


def blocks(store: Store) -> bool:
    """Whether a call of ``store`` may wait on I/O (a socket, a file), so that an async
    helper runs it off the event loop. A store that never does says so with a class
    attribute ``blocking = False`` (``MemoryStore``); any other store is taken to block.

    >>> from hookseal.stores import MemoryStore, SqliteStore
    >>> blocks(MemoryStore()), blocks(SqliteStore(":memory:"))
    (False, True)
    """
    return getattr(store, "blocking", True) is not False


def claim_key(verified: Any, tenant: Optional[str] = None) -> Optional[str]:
    """The key a delivery is claimed under: ``<scheme>:<idempotency key>``, so two
    providers' event ids never collide, or ``<scheme>/<tenant>:<idempotency key>`` when
    it was verified with a tenant's secrets (docs/tenants.md); ``None`` for an empty
    idempotency key, which is never claimed (every such delivery would share it)."""
    if tenant is not None:
        return tenant_claim_key(verified.scheme, tenant, verified.idempotency_key)
    return _claim_key(verified.scheme, verified.idempotency_key)


def begin(
    store: Store,
    verified: Any,
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[str] = None,
) -> Tuple[Optional[Answer], Optional[Held]]:
    """Claims ``verified`` (of ``tenant``, when per-tenant secrets verified it):
    ``(answer, None)`` to answer without the handler, or ``(None, held)`` to run it
    (``held`` is ``None`` when there is no key to claim)."""
    key = claim_key(verified, tenant)
    if key is None:
        return None, None
    try:
        claim = store.claim(key, lease)
    except Exception as e:
        # The store released its token itself, best-effort: the retry is not a duplicate.
        log.warning("hookseal: claiming %s failed (%s): answered store_unavailable", key, type(e).__name__)
        return claim_answer("failed"), None
    if claim.outcome != FIRST or claim.token is None:
        return claim_answer(claim.outcome, claim.lease_left), None
    return None, Held(store, key, claim.token, ttl)


def settle(held: Optional[Held], status: Optional[int]) -> None:
    """After the handler answered ``status`` (``None``: it raised or its connection broke
    before it answered): complete the claim on 2xx, release it otherwise. A failure here
    changes nothing in the answer: what it leaves is a lease, which expires, and the
    retry after it runs the handler."""
    if held is None:
        return
    action = on_handler(status)
    try:
        if action == "complete":
            held.store.complete(held.key, held.token, held.ttl)
        else:
            held.store.release(held.key, held.token)
    except Exception as e:
        log.warning("hookseal: %s of %s failed (%s); its lease will expire", action, held.key, type(e).__name__)


def run_once(
    store: Store,
    verified: Any,
    *,
    handler: Callable[[], T],
    status: Callable[[T], int],
    respond: Callable[[Answer], T],
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[str] = None,
) -> T:
    """Runs ``handler`` for a delivery nobody else holds or has completed; otherwise
    returns ``respond(answer)`` with the answer of the decision table. The handler's
    ``status(result)`` then completes (2xx) or releases the claim; an exception releases
    it and goes on. ``tenant``: the delivery was verified with that tenant's secrets."""
    answer, held = begin(store, verified, lease, ttl, tenant)
    if answer is not None:
        return respond(answer)
    try:
        result = handler()
    except BaseException:
        settle(held, None)
        raise
    settle(held, status(result))
    return result

