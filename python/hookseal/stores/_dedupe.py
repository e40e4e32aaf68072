"""What the framework helpers do with a store: claim each verified delivery once,
answer a duplicate without running the handler, and release the claim when the handler
fails, so that the provider's retry is processed.

>>> import hookseal
>>> from hookseal.stores import MemoryStore, run_once
>>> verifier = hookseal.Verifier("saleslab", ["sl_secret"])
>>> body = b'{"delivery_id":"d-1","event_kind":"badge.awarded"}'
>>> event = verifier.verify(body, hookseal.sign("saleslab", "sl_secret", body))
>>> store = MemoryStore()
>>> handle = lambda: run_once(store, event, handler=lambda: 204, duplicate=lambda: 200, status=lambda r: r)
>>> handle(), handle()
(204, 200)
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional, TypeVar

from ._contract import DUPLICATE, Store

T = TypeVar("T")

#: The JSON a duplicate delivery is acknowledged with (status 200).
DUPLICATE_BODY: Dict[str, bool] = {"duplicate": True}


def claim_key(verified: Any) -> str:
    """The key a delivery is claimed under: ``<scheme>:<idempotency key>``, so two
    providers' event ids never collide."""
    return f"{verified.scheme}:{verified.idempotency_key}"


def run_once(
    store: Store,
    verified: Any,
    *,
    handler: Callable[[], T],
    duplicate: Callable[[], T],
    status: Callable[[T], int],
    ttl: Optional[float] = None,
) -> T:
    """Runs ``handler`` for the first delivery of ``verified`` only; a duplicate gets
    ``duplicate()``. A handler that raises, or whose result has a 5xx ``status``,
    releases the claim (the exception is re-raised)."""
    key = claim_key(verified)
    if store.claim(key, ttl) == DUPLICATE:
        return duplicate()
    try:
        result = handler()
    except BaseException:
        _release_quietly(store, key)
        raise
    if status(result) >= 500:
        _release_quietly(store, key)
    return result


def _release_quietly(store: Store, key: str) -> None:
    # A failure to release must not hide the handler's own error: the claim then
    # lives until its ttl, and the retry is answered as a duplicate.
    try:
        store.release(key)
    except Exception:
        pass
