"""Starlette (without FastAPI): an endpoint decorator; the ``Verified`` is
``request.state.webhook``.

>>> import hookseal
>>> from starlette.applications import Starlette
>>> from starlette.responses import JSONResponse
>>> from starlette.routing import Route
>>> from starlette.testclient import TestClient
>>> from hookseal.starlette import verify_webhook
>>> verifier = hookseal.Verifier("salesos", ["whsec_x"])
>>> @verify_webhook(verifier)
... async def salesos(request):
...     return JSONResponse({"kind": request.state.webhook.kind})
>>> app = Starlette(routes=[Route("/webhooks/salesos", salesos, methods=["POST"])])
>>> body = b'{"id":"evt_1","type":"deal.won"}'
>>> client = TestClient(app)
>>> client.post("/webhooks/salesos", content=body, headers=hookseal.sign("salesos", "whsec_x", body)).json()
{'kind': 'deal.won'}
>>> r = client.post("/webhooks/salesos", content=body)
>>> r.status_code, r.json()["error"]
(400, 'missing_signature')
"""

from __future__ import annotations

import functools
from typing import Any, Awaitable, Callable, Mapping, Optional, Union

from starlette.requests import Request
from starlette.responses import Response

from ._aio import run_once_async, verify_stream
from ._pipeline import Receiver
from ._receive import Answer
from ._verifier import Verifier
from .stores import Store

Endpoint = Callable[[Request], Awaitable[Response]]


def verify_webhook(
    verifier: Union[Verifier, str],
    *,
    attr: str = "webhook",
    store: Optional[Store] = None,
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[Callable[[Any], Optional[str]]] = None,
    secrets: Any = None,
    tenant_cache: Optional[Mapping[str, Any]] = None,
    options: Optional[Mapping[str, Any]] = None,
    explain: Optional[bool] = None,
    meter: Any = None,
) -> Callable[[Endpoint], Endpoint]:
    """Decorates an ``async`` Starlette endpoint: the raw body and the raw ASGI headers
    are verified before it runs; the ``Verified`` is ``request.state.<attr>``. A rejected
    request never reaches the endpoint: it is answered with its code's status and
    ``{"error": code, "message": …}``.

    The body is read from the ASGI receive stream with a byte counter that stops at
    ``verifier.max_body + 1`` bytes whatever ``Content-Length`` says (a chunked body
    included), so a body over the limit is answered 413 without being held; the endpoint
    still finds the bytes in ``await request.body()``. A repeated header is joined with
    ``", "``.

    With a ``store`` (``hookseal.stores``) the endpoint runs once per delivery, as in
    ``hookseal.flask``: a claim with a processing lease (``lease`` seconds, default 60),
    503 ``delivery_in_progress`` with ``Retry-After`` for a retry while it runs, a 2xx
    response completes the claim (a duplicate is then 200 ``{"duplicate": true}`` for
    ``ttl`` seconds), any other response or an exception releases it; a store error is
    503 ``store_unavailable``. Store calls run in a thread, off the event loop.

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    the request (``lambda r: r.path_params["tenant"]``) and ``secrets=`` a function (or coroutine function) of the
    tenant returning its secrets; ``options`` are the ``Verifier`` options and
    ``tenant_cache`` its cache (``{"max": 1000, "ttl": 300}``). The tenant is
    ``request.state.<attr>_tenant`` (``None`` without tenants). ``explain=True`` (or ``HOOKSEAL_EXPLAIN=1``)
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

    def decorate(endpoint: Endpoint) -> Endpoint:
        @functools.wraps(endpoint)
        async def wrapper(request: Request) -> Response:
            picked = await rx.pick_async(request)
            if isinstance(picked, Answer):
                return respond(picked)
            chosen, name = picked
            verified = await verify_stream(rx, chosen, request.stream(), request.scope["headers"], _keep(request))
            if isinstance(verified, Answer):
                return respond(verified)
            setattr(request.state, attr, verified)
            setattr(request.state, attr + "_tenant", name)
            return await run_once_async(
                store,
                verified,
                lease=lease,
                ttl=ttl,
                tenant=name,
                handler=lambda: endpoint(request),
                status=lambda response: response.status_code,
                respond=rx.claimed(respond),
            )

        return wrapper

    return decorate


def _keep(request: Request) -> Callable[[bytes], None]:
    def cache(body: bytes) -> None:
        # What the endpoint reads with `await request.body()`: the bytes verified here.
        request._body = body

    return cache


def respond(answer: Answer) -> Response:
    """An answer of the core's tables as a Starlette response."""
    return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))
