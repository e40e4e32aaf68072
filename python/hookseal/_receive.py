"""The core's receive contract (``hookseal::receive``), parsed once at import.

Every status, body, ``Retry-After`` and default a helper answers with comes from here:
the reply table (verification codes and the receiver's own edge codes), the
de-duplication decisions (claim outcome, then handler outcome), the claim key and the
lease and TTL defaults. Nothing here spells a status or a code of its own.

>>> answer = claim_answer("processing", lease_left=41.2)
>>> answer.status, dict(answer.headers)["retry-after"]
(503, '42')
>>> answer.body
b'{"error":"delivery_in_progress","message":"this delivery is being processed by another attempt; retry later"}'
>>> claim_answer("done").body, on_handler(429), on_handler(204)
(b'{"duplicate":true}', 'release', 'complete')
"""

from __future__ import annotations

import json
from typing import Any, Dict, NamedTuple, Optional, Tuple, Union

from . import _native


def receive_contract() -> Dict[str, Any]:
    """The core's receive contract as a dict (a fresh copy on each call): ``replies``
    (code -> status, retry_after, message), ``duplicate``, ``on_claim``, ``on_handler``,
    ``claim_key``, ``lease_seconds``, ``ttl_seconds``, ``store_retry_after_seconds``,
    ``tenants`` (the per-tenant claim key and cache defaults) and ``metrics`` (the
    OpenTelemetry meter, instruments and attributes).

    >>> receive_contract()["replies"]["signature_mismatch"]["status"]
    401
    """
    doc: Dict[str, Any] = json.loads(_native.receive_contract())
    return doc


class Reply(NamedTuple):
    """One row of the reply table."""

    code: str
    status: int
    #: ``None`` (final), whole seconds, or ``"lease_left"``.
    retry_after: Union[None, int, str]
    message: str


class Answer(NamedTuple):
    """An answer a helper sends itself: status, headers (lowercase names), body."""

    status: int
    headers: Tuple[Tuple[str, str], ...]
    body: bytes


_DOC = receive_contract()

#: Every code a receiver answers with, in the core's order (verification codes first).
REPLIES: Dict[str, Reply] = {
    code: Reply(code, row["status"], row["retry_after"], row["message"]) for code, row in _DOC["replies"].items()
}
#: The default processing lease and completed-claim lifetime, in seconds.
DEFAULT_LEASE: float = _DOC["lease_seconds"]
DEFAULT_TTL: float = _DOC["ttl_seconds"]
#: The body a duplicate of a completed delivery is acknowledged with.
DUPLICATE_BODY: Dict[str, Any] = _DOC["duplicate"]["body"]
_CLAIM_KEY: str = _DOC["claim_key"]
_ON_CLAIM: Dict[str, str] = _DOC["on_claim"]
_ON_HANDLER: Dict[str, str] = _DOC["on_handler"]
_JSON = ("content-type", "application/json; charset=utf-8")


def _json(value: Any) -> bytes:
    # Compact, and non-ASCII kept as it is: the bytes the core's serde_json writes.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def retry_after(code: str, lease_left: float = 0.0) -> Optional[int]:
    """The ``Retry-After`` seconds of ``code``'s row; for ``"lease_left"`` the seconds left
    in the lease (``lease_left``), rounded up, at least 1.

    >>> retry_after("store_unavailable"), retry_after("delivery_in_progress", 0.2), retry_after("internal")
    (5, 1, None)
    """
    rule = REPLIES[code].retry_after
    if rule is None or isinstance(rule, int):
        return rule
    ms = max(0, round(lease_left * 1000))
    return max(1, -(-ms // 1000))


def rejection(
    code: str, message: Optional[str] = None, lease_left: float = 0.0, explanation: Optional[Dict[str, Any]] = None
) -> Answer:
    """The answer for ``code``: its status, ``Retry-After`` where its row has one, and
    ``{"error": code, "message": message}`` (default: the row's message), with
    ``"explanation"`` when one is given (a helper asked to explain, docs/explain.md)."""
    row = REPLIES[code]
    headers = [_JSON]
    seconds = retry_after(code, lease_left)
    if seconds is not None:
        headers.append(("retry-after", str(seconds)))
    doc: Dict[str, Any] = {"error": code, "message": row.message if message is None else message}
    if explanation is not None:
        doc["explanation"] = explanation
    return Answer(row.status, tuple(headers), _json(doc))


def duplicate() -> Answer:
    """200 ``{"duplicate": true}``: a completed delivery, acknowledged without the handler."""
    return Answer(_DOC["duplicate"]["status"], (_JSON,), _json(DUPLICATE_BODY))


def claim_answer(outcome: str, lease_left: float = 0.0) -> Optional[Answer]:
    """What a claim's outcome (``"first"``, ``"processing"``, ``"done"`` or ``"failed"``)
    leads to: ``None`` to run the handler, else the answer to send without it."""
    action = _ON_CLAIM[outcome]
    if action == "run_handler":
        return None
    if action == "duplicate":
        return duplicate()
    return rejection(action, lease_left=lease_left)


def on_handler(status: Optional[int]) -> str:
    """``"complete"`` or ``"release"``: what the store does after a handler that answered
    ``status`` (``None``: it raised, or its connection broke before it answered)."""
    if status is None:
        return _ON_HANDLER["raised"]
    return _ON_HANDLER["2xx" if 200 <= status < 300 else "other"]


def claim_key(scheme: str, idempotency_key: str) -> Optional[str]:
    """``<scheme>:<idempotency key>``; ``None`` for an empty key, which is never claimed.

    >>> claim_key("stripe", "evt_1"), claim_key("saleslab", "")
    ('stripe:evt_1', None)
    """
    if not idempotency_key:
        return None
    return _CLAIM_KEY.replace("<scheme>", scheme).replace("<idempotency_key>", idempotency_key)


_TENANTS: Dict[str, Any] = _DOC["tenants"]
#: How many tenants' verifiers a helper keeps, and for how long (seconds), by default.
TENANT_CACHE_MAX: int = _TENANTS["max"]
TENANT_CACHE_TTL: float = _TENANTS["ttl_seconds"]
# `%` first, so the escapes of the others are not escaped again.
_TENANT_ESCAPES = sorted(_TENANTS["escape"].items(), key=lambda kv: kv[0] != "%")


def tenant_claim_key(scheme: str, tenant: str, idempotency_key: str) -> Optional[str]:
    """``<scheme>/<tenant>:<idempotency key>``, the tenant's ``%``, ``/`` and ``:``
    percent-encoded, so two tenants' event ids never share a claim (docs/tenants.md);
    ``None`` for an empty idempotency key.

    >>> tenant_claim_key("saleslab", "acme", "d_1"), tenant_claim_key("saleslab", "a:b/c%", "d")
    ('saleslab/acme:d_1', 'saleslab/a%3Ab%2Fc%25:d')
    """
    if not idempotency_key:
        return None
    for char, escape in _TENANT_ESCAPES:
        tenant = tenant.replace(char, escape)
    key: str = _TENANTS["claim_key"]
    return key.replace("<scheme>", scheme).replace("<tenant>", tenant).replace("<idempotency_key>", idempotency_key)
