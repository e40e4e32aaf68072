"""aiohttp: a handler decorator; the ``Verified`` is ``request[WEBHOOK]``.

>>> import asyncio, hookseal
>>> from aiohttp import web
>>> from aiohttp.test_utils import TestClient, TestServer
>>> from hookseal.aiohttp import WEBHOOK, verify_webhook
>>> verifier = hookseal.Verifier("saleslab", ["sl_secret"])
>>> @verify_webhook(verifier)
... async def saleslab(request):
...     return web.json_response({"kind": request[WEBHOOK].kind})
>>> body = b'{"event_kind":"badge.awarded"}'
>>> async def send(*deliveries):
...     app = web.Application()
...     app.router.add_post("/webhooks/saleslab", saleslab)
...     async with TestClient(TestServer(app, host="127.0.0.1")) as client:
...         replies = [await client.post("/webhooks/saleslab", data=b, headers=h) for b, h in deliveries]
...         return [(r.status, await r.json()) for r in replies]
>>> asyncio.run(send((body, hookseal.sign("saleslab", "sl_secret", body)),
...                  (b"{}", {"X-SalesLab-Signature": "sha256=" + "0" * 64})))  # doctest: +ELLIPSIS
[(200, {'kind': 'badge.awarded'}), (401, {'error': 'signature_mismatch', 'message': ...})]
"""

from __future__ import annotations

import functools
from typing import Any, AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping, Optional, Union, cast

from aiohttp import web

from ._aio import run_once_async, verify_stream
from ._body import CHUNK
from ._native import Verified
from ._pipeline import Receiver
from ._receive import Answer
from ._verifier import Verifier
from .stores import Store

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

#: Where the ``Verified`` is kept: ``request[WEBHOOK]``. A ``web.RequestKey`` (typed)
#: from aiohttp 3.14 on, which warns about ``str`` keys; ``"webhook"`` before.
WEBHOOK: Any = (
    web.RequestKey("webhook", Verified) if hasattr(web, "RequestKey") else cast(Any, "webhook")
)
#: Where the tenant is kept with per-tenant secrets: ``request[WEBHOOK_TENANT]``
#: (``None`` without tenants).
WEBHOOK_TENANT: Any = (
    web.RequestKey("webhook_tenant", cast(Any, Optional[str]))
    if hasattr(web, "RequestKey")
    else cast(Any, "webhook_tenant")
)


def verify_webhook(
    verifier: Union[Verifier, str],
    *,
    key: Any = WEBHOOK,
    store: Optional[Store] = None,
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[Callable[[Any], Optional[str]]] = None,
    secrets: Any = None,
    tenant_cache: Optional[Mapping[str, Any]] = None,
    options: Optional[Mapping[str, Any]] = None,
    explain: Optional[bool] = None,
    meter: Any = None,
) -> Callable[[Handler], Handler]:
    """Decorates an aiohttp handler: the raw body and the raw headers are verified before
    it runs; the ``Verified`` is ``request[key]`` (default ``request[WEBHOOK]``). A
    rejected request never reaches the handler: it is answered with its code's status
    and ``{"error": code, "message": …}``.

    The body is read from ``request.content`` with a byte counter that stops at
    ``verifier.max_body + 1`` bytes whatever ``Content-Length`` says (a chunked body
    included), so a body over the limit is answered 413 without being held; the handler
    still finds the bytes in ``await request.read()``. Headers are the bytes on the wire
    (``request.raw_headers``), a repeated one joined with ``", "``.

    With a ``store`` (``hookseal.stores``) the handler runs once per delivery, as in
    ``hookseal.flask``: a claim with a processing lease (``lease`` seconds, default 60),
    503 ``delivery_in_progress`` with ``Retry-After`` for a retry while it runs, a 2xx
    response completes the claim (a duplicate is then 200 ``{"duplicate": true}`` for
    ``ttl`` seconds), any other response or an exception releases it; a store error is
    503 ``store_unavailable``. Store calls run in a thread, off the event loop.

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    the request (``lambda r: r.match_info["tenant"]``) and ``secrets=`` a function (or coroutine function) of the
    tenant returning its secrets; ``options`` are the ``Verifier`` options and
    ``tenant_cache`` its cache (``{"max": 1000, "ttl": 300}``). The tenant is
    ``request[WEBHOOK_TENANT]`` (``None`` without tenants). ``explain=True`` (or ``HOOKSEAL_EXPLAIN=1``)
    adds the diagnosis to rejections, for development only (docs/explain.md); ``meter``
    records the metrics into an OpenTelemetry meter (docs/metrics.md).
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

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: web.Request) -> web.StreamResponse:
            picked = await rx.pick_async(request)
            if isinstance(picked, Answer):
                return respond(picked)
            chosen, name = picked
            chunks = _chunks(request)
            verified = await verify_stream(rx, chosen, chunks, request.raw_headers, _keep(request))
            if isinstance(verified, Answer):
                return respond(verified)
            request[key] = verified
            request[WEBHOOK_TENANT] = name
            return await run_once_async(
                store,
                verified,
                lease=lease,
                ttl=ttl,
                tenant=name,
                handler=lambda: handler(request),
                status=lambda response: response.status,
                respond=rx.claimed(respond),
            )

        return wrapper

    return decorate


async def _read_already(body: bytes) -> AsyncIterator[bytes]:
    yield body


def _chunks(request: web.Request) -> AsyncIterable[bytes]:
    """The body's chunks: from the stream, or the bytes a middleware's
    ``await request.read()`` took from it already."""
    if request._read_bytes is not None:
        return _read_already(request._read_bytes)
    return request.content.iter_chunked(CHUNK)


def _keep(request: web.Request) -> Callable[[bytes], None]:
    def cache(body: bytes) -> None:
        # What the handler reads with `await request.read()`: the bytes verified here.
        request._read_bytes = body

    return cache


def respond(answer: Answer) -> web.Response:
    """An answer of the core's tables as an aiohttp response."""
    return web.Response(body=answer.body, status=answer.status, headers=dict(answer.headers))

