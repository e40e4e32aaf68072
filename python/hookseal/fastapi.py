"""FastAPI / Starlette: a dependency that verifies ``await request.body()``.

>>> import hookseal
>>> from fastapi import Depends, FastAPI
>>> from fastapi.testclient import TestClient
>>> from hookseal.fastapi import install, webhook
>>> app = FastAPI()
>>> install(app)
>>> verifier = hookseal.Verifier("salesos", ["whsec_x"])
>>> @app.post("/webhooks/salesos")
... async def salesos(event: hookseal.Verified = Depends(webhook(verifier))):
...     return {"kind": event.kind}
>>> body = b'{"id":"evt_1","type":"deal.won"}'
>>> client = TestClient(app)
>>> client.post("/webhooks/salesos", content=body, headers=hookseal.sign("salesos", "whsec_x", body)).json()
{'kind': 'deal.won'}
>>> r = client.post("/webhooks/salesos", content=body)
>>> r.status_code, r.json()["error"]
(400, 'missing_signature')
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Dict, List, Mapping, MutableMapping, Optional, Union

import anyio
from fastapi import HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ._aio import CONSUMED_FIX, StreamConsumed
from ._native import Verified
from ._pipeline import Receiver
from ._receive import Answer, duplicate
from ._verifier import Verifier
from .errors import ReceiveError, VerificationError
from .stores import Store
from .stores._dedupe import Held, begin, blocks, settle

# The scope key under which install(app)'s middleware collects the claims a request
# holds, to complete or release them by the status of the response.
_PENDING = "hookseal.claims"


class WebhookAnswer(HTTPException):
    """An answer of the core's tables, raised by the dependency. With ``install(app)`` it
    is sent as it is; without, FastAPI's own handler still answers with the right
    status and ``Retry-After`` (the JSON under ``"detail"``)."""

    def __init__(self, answer: Answer) -> None:
        retry = {name: value for name, value in answer.headers if name != "content-type"}
        super().__init__(status_code=answer.status, detail=json.loads(answer.body), headers=retry or None)
        self.answer = answer


class WebhookRejected(WebhookAnswer):
    """A rejected webhook (``error``, a ``ReceiveError``, when one was raised), a store
    outage (503 ``store_unavailable``) or a retry while the first attempt still runs
    (503 ``delivery_in_progress``, ``Retry-After``)."""

    def __init__(self, answer: Answer, error: Optional[ReceiveError] = None) -> None:
        super().__init__(answer)
        self.error = error
        #: The diagnosis (docs/explain.md) when the helper explains, else ``None``.
        self.explanation: Optional[Dict[str, Any]] = getattr(error, "explanation", None)


class WebhookDuplicate(WebhookAnswer):
    """A delivery already processed (a store is given): 200 ``{"duplicate": true}``."""

    def __init__(self) -> None:
        super().__init__(duplicate())


def webhook(
    verifier: Union[Verifier, str],
    *,
    store: Optional[Store] = None,
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[Callable[[Request], Optional[str]]] = None,
    secrets: Any = None,
    tenant_cache: Optional[Mapping[str, Any]] = None,
    options: Optional[Mapping[str, Any]] = None,
    explain: Optional[bool] = None,
    meter: Any = None,
) -> Callable[[Request], Awaitable[Verified]]:
    """A dependency: ``event: Verified = Depends(webhook(verifier))``.

    The body is read from the ASGI receive stream with a byte counter that stops at
    ``verifier.max_body + 1`` bytes whatever ``Content-Length`` says (a chunked body
    included): a body over the limit is answered 413 without being held. Headers are
    read from the raw ASGI list, a repeated one joined with ``", "``.

    With a ``store`` (``hookseal.stores``, and ``install(app)``, which settles the claim
    by the response's status) the endpoint runs once per delivery: a claim takes a
    processing lease (``lease`` seconds, default 60); a retry while the endpoint runs is
    answered 503 ``delivery_in_progress`` with ``Retry-After``; a 2xx response completes
    the claim (a duplicate is then 200 ``{"duplicate": true}`` for ``ttl`` seconds,
    default 30 days); any other response (a returned 503 included) or an exception
    releases it for the provider's retry. A store error is 503 ``store_unavailable``.

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    the request (``lambda r: r.path_params["tenant"]``) and ``secrets=`` a function (or
    coroutine function) of the tenant returning its secrets; ``options`` are the
    ``Verifier`` options and ``tenant_cache`` its cache (``{"max": 1000, "ttl": 300}``).
    The tenant is ``request.state.webhook_tenant`` (``None`` without tenants).
    ``explain=True`` (or ``HOOKSEAL_EXPLAIN=1``) adds the diagnosis to rejections, for
    development only (docs/explain.md): the ``WebhookRejected`` raised carries it as
    ``.explanation``. ``meter`` records the metrics into an OpenTelemetry meter
    (docs/metrics.md).
    """
    rx = Receiver(
        verifier,
        tenant=tenant,
        secrets=secrets,
        tenant_cache=tenant_cache,
        options=options,
        explain=explain,
        meter=meter,
    )

    async def verified(request: Request) -> Verified:
        picked = await rx.pick_async(request)
        if isinstance(picked, Answer):
            raise WebhookRejected(picked)
        chosen, name = picked
        try:
            body = await _read_at_most(request, chosen.max_body + 1)
        except StreamConsumed:
            raise WebhookRejected(rx.reject("body_already_parsed", CONSUMED_FIX)) from None
        except Exception:
            raise WebhookRejected(rx.reject("unreadable_body")) from None
        # What the endpoint reads with `await request.body()`: the bytes verified here.
        request._body = body
        try:
            event = rx.verify(chosen, body, request.scope["headers"])
        except VerificationError as e:
            raise WebhookRejected(rx.answer(e), e) from None
        request.state.webhook_tenant = name
        return event

    if store is None:
        return verified
    claims = store
    # Stores that block (sockets, files) are called off the event loop; one that never
    # blocks (the memory store) in it, which spares two thread hops per delivery.
    off_loop = blocks(store)

    async def once(request: Request) -> Verified:
        pending: Optional[List[Held]] = request.scope.get(_PENDING)
        if pending is None:
            raise RuntimeError("hookseal.fastapi.webhook(store=...) needs install(app): it settles each claim")
        event = await verified(request)
        name = request.state.webhook_tenant
        if off_loop:
            answer, held = await run_in_threadpool(begin, claims, event, lease, ttl, name)
        else:
            answer, held = begin(claims, event, lease, ttl, name)
        if answer is not None:
            rx.claimed(_same)(answer)
            raise WebhookDuplicate() if answer == duplicate() else WebhookRejected(answer)
        if held is not None:
            pending.append(held)
        return event

    return once


def _same(answer: Answer) -> Answer:
    return answer


def install(app: Any) -> None:
    """Answers ``WebhookAnswer`` (rejections, duplicates, in-flight retries, store
    outages) as the core's tables say, and adds the middleware that completes a claim
    when the response is 2xx and releases it otherwise (or when the endpoint raised)."""

    async def handler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebhookAnswer)
        answer = exc.answer
        return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))

    app.add_exception_handler(WebhookAnswer, handler)
    app.add_middleware(_Settle)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]


class _Settle:
    """Settles each request's claims by the status of its response, as the response
    starts: the claim is done before the provider sees the 2xx, so its next repeat is a
    duplicate. A client disconnect never releases a claim while the endpoint runs (the
    endpoint's answer decides), and the store calls are shielded from cancellation."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        pending: List[Held] = []
        scope[_PENDING] = pending

        async def watch(message: Message) -> None:
            if pending and message["type"] == "http.response.start":
                await _settle_all(pending, message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            # Still pending: the endpoint raised before answering.
            if pending:
                await _settle_all(pending, None)


async def _settle_all(pending: List[Held], status: Optional[int]) -> None:
    while pending:
        held = pending.pop()
        if not blocks(held.store):
            settle(held, status)
            continue
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(settle, held, status)


async def _read_at_most(request: Request, limit: int) -> bytes:
    """The body up to ``limit`` bytes, counted as the chunks arrive: reading stops there,
    so the rest of a large (or chunked) body is never received. Read from the ASGI
    messages themselves rather than ``request.stream()``: a body that arrives in one
    message (most webhooks) is kept as it is, without a copy or an async generator."""
    cached = getattr(request, "_body", None)
    if isinstance(cached, bytes):
        return cached[:limit]
    if getattr(request, "_stream_consumed", False):
        # Read by someone else without keeping it: the signed bytes are gone.
        raise StreamConsumed
    request._stream_consumed = True
    receive = request.receive
    chunks: List[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            # http.disconnect: the client went away before the whole body arrived.
            raise ConnectionError("the client disconnected while sending the body")
        chunk = message.get("body", b"")
        if size + len(chunk) >= limit:
            chunks.append(chunk[: limit - size])
            break
        if chunk:
            chunks.append(chunk)
            size += len(chunk)
        if not message.get("more_body", False):
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
