"""Litestar: a handler decorator; the ``Verified`` is the handler's ``webhook`` parameter.

>>> import hookseal
>>> from litestar import Litestar, post
>>> from litestar.testing import TestClient
>>> from hookseal.litestar import verify_webhook
>>> verifier = hookseal.Verifier("salesos", ["whsec_x"])
>>> @post("/webhooks/salesos")
... @verify_webhook(verifier)
... async def salesos(webhook: hookseal.Verified) -> dict:
...     return {"kind": webhook.kind}
>>> body = b'{"id":"evt_1","type":"deal.won"}'
>>> with TestClient(Litestar([salesos])) as client:
...     ok = client.post("/webhooks/salesos", content=body, headers=hookseal.sign("salesos", "whsec_x", body))
...     bad = client.post("/webhooks/salesos", content=body)
>>> ok.status_code, ok.json(), bad.status_code, bad.json()["error"]
(201, {'kind': 'deal.won'}, 400, 'missing_signature')
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Union

from litestar import Request, Response

from ._aio import run_once_async, verify_stream
from ._pipeline import Receiver
from ._receive import Answer
from ._verifier import Verifier
from .stores import Store


Handler = Callable[..., Awaitable[Any]]


def verify_webhook(
    verifier: Union[Verifier, str],
    *,
    param: str = "webhook",
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
    """Decorates an ``async`` Litestar handler (under ``@post(...)``): the raw body and
    the raw ASGI headers are verified before it runs, and the ``Verified`` is passed as
    its ``param`` argument (default ``webhook``). A rejected request never reaches the
    handler: it is answered with its code's status and ``{"error": code, "message": …}``.

    Litestar sees the handler's own parameters, less ``param``, plus ``request`` (which
    the handler may take too); it must not take ``data``, which would parse the body
    first. The body is read from the ASGI receive stream with a byte counter that stops
    at ``verifier.max_body + 1`` bytes whatever ``Content-Length`` says (a chunked body
    included), so a body over the limit is answered 413 without being held; the handler
    still finds the bytes in ``await request.body()``. A repeated header is joined with
    ``", "``.

    With a ``store`` (``hookseal.stores``) the handler runs once per delivery, as in
    ``hookseal.flask``: a claim with a processing lease (``lease`` seconds, default 60),
    503 ``delivery_in_progress`` with ``Retry-After`` for a retry while it runs, a 2xx
    (a returned ``Response``'s status, else the route's ``status_code``) completes the
    claim (a duplicate is then 200 ``{"duplicate": true}`` for ``ttl`` seconds), any
    other status or an exception releases it; a store error is 503 ``store_unavailable``.

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    the request (``lambda r: r.path_params["tenant"]``) and ``secrets=`` a function (or
    coroutine function) of the tenant returning its secrets; ``options`` are the
    ``Verifier`` options and ``tenant_cache`` its cache (``{"max": 1000, "ttl": 300}``).
    The tenant is ``request.state.<param>_tenant``, and the handler's ``<param>_tenant``
    argument when it takes one (``None`` without tenants). ``explain=True`` (or
    ``HOOKSEAL_EXPLAIN=1``) adds the diagnosis to rejections, for development only
    (docs/explain.md); ``meter`` records the metrics into an OpenTelemetry meter
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

    def decorate(handler: Handler) -> Handler:
        signature = inspect.signature(handler)
        takes_request = "request" in signature.parameters
        tenant_param = param + "_tenant"
        takes_tenant = tenant_param in signature.parameters
        hidden = {param, tenant_param}
        shown = [p for name, p in signature.parameters.items() if name not in hidden]
        annotations = {k: v for k, v in getattr(handler, "__annotations__", {}).items() if k not in hidden}
        if not takes_request:
            shown.append(inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request))
            annotations["request"] = Request

        @functools.wraps(handler)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            request: Request[Any, Any, Any] = kwargs["request"] if takes_request else kwargs.pop("request")
            picked = await rx.pick_async(request)
            if isinstance(picked, Answer):
                return respond(picked)
            chosen, name = picked
            verified = await verify_stream(rx, chosen, request.stream(), request.scope["headers"], _keep(request))
            if isinstance(verified, Answer):
                return respond(verified)
            kwargs[param] = verified
            if takes_tenant:
                kwargs[tenant_param] = name
            setattr(request.state, tenant_param, name)
            return await run_once_async(
                store,
                verified,
                lease=lease,
                ttl=ttl,
                tenant=name,
                handler=lambda: handler(*args, **kwargs),
                status=lambda result: _status(result, request),
                respond=rx.claimed(respond),
            )

        # What Litestar reads to inject the handler's arguments.
        wrapper.__signature__ = signature.replace(parameters=shown)  # type: ignore[attr-defined]
        wrapper.__annotations__ = annotations
        return wrapper

    return decorate


def _keep(request: Request[Any, Any, Any]) -> Callable[[bytes], None]:
    def cache(body: bytes) -> None:
        # What the handler reads with `await request.body()`: the bytes verified here.
        request._body = body

    return cache


def respond(answer: Answer) -> Response[bytes]:
    """An answer of the core's tables as a Litestar response."""
    headers: Dict[str, str] = dict(answer.headers)
    media_type = headers.pop("content-type")
    return Response(answer.body, status_code=answer.status, headers=headers, media_type=media_type)


def _status(result: Any, request: Request[Any, Any, Any]) -> int:
    """The status the handler's result is answered with."""
    if isinstance(result, Response) and result.status_code is not None:
        return result.status_code
    return int(request.route_handler.status_code)
