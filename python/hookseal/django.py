"""Django: a view decorator, for sync and ``async def`` views; the ``Verified`` is
``request.webhook``.

The view is exempt from CSRF (a webhook carries a signature, not a CSRF token).

>>> import django, hookseal
>>> from django.conf import settings
>>> settings.configure(ALLOWED_HOSTS=["testserver"])  # a project's settings.py does this
>>> django.setup()
>>> from django.http import JsonResponse
>>> from django.test import RequestFactory
>>> from hookseal.django import verify_webhook
>>> verifier = hookseal.Verifier("salesbooth", ["whsec_test"])
>>> @verify_webhook(verifier)
... def salesbooth(request):
...     return JsonResponse({"kind": request.webhook.kind})
>>> body = b'{"event":"deal.created"}'
>>> headers = hookseal.sign("salesbooth", "whsec_test", body)
>>> post = RequestFactory().post
>>> salesbooth(post("/", body, content_type="application/json", headers=headers)).content
b'{"kind": "deal.created"}'
>>> r = salesbooth(post("/", b"{}", content_type="application/json", headers=headers))
>>> r.status_code, r.content[:30]
(401, b'{"error":"signature_mismatch",')
"""

from __future__ import annotations

import functools
import io
from typing import Any, Awaitable, Callable, Mapping, Optional, TypeVar, Union, cast

from asgiref.sync import iscoroutinefunction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from ._aio import run_once_async
from ._http import content_length, read_body
from ._pipeline import Picked, Receiver
from ._receive import Answer
from ._verifier import Verifier
from .errors import VerificationError
from .stores import Store, run_once

F = TypeVar("F", bound=Callable[..., Any])


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
) -> Callable[[F], F]:
    """Decorates a Django view: the raw body and ``request.headers`` are verified
    before the view runs; the ``Verified`` is ``request.<attr>``. A rejected request is
    answered with its code's status and ``{"error": code, "message": …}``.

    The body is read with a byte counter that stops at ``verifier.max_body + 1`` bytes
    whatever ``Content-Length`` says (a chunked body included, when the server
    dechunks it), so a body over the limit is answered 413 without being held (and
    without Django's own ``DATA_UPLOAD_MAX_MEMORY_SIZE`` error); the view still finds
    the bytes in ``request.body``.

    With a ``store`` (``hookseal.stores``) the view runs once per delivery, as in
    ``hookseal.flask``: a claim with a processing lease (``lease`` seconds, default 60),
    503 ``delivery_in_progress`` with ``Retry-After`` for a retry while the view runs, a
    2xx completes (a duplicate is then 200 ``{"duplicate": true}`` for ``ttl`` seconds),
    anything else releases; a store error is 503 ``store_unavailable``.

    An ``async def`` view gets an ``async`` wrapper, the same in every respect (the
    store's calls run in a thread, off the event loop).

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    the request (``lambda r: r.resolver_match.kwargs["tenant"]``) and ``secrets=`` a
    function of the tenant returning its secrets (a coroutine function too, for an
    ``async def`` view); ``options`` are the ``Verifier`` options and ``tenant_cache`` its
    cache (``{"max": 1000, "ttl": 300}``). The tenant is ``request.<attr>_tenant``.
    ``explain=True`` (or ``HOOKSEAL_EXPLAIN=1``) adds the diagnosis to rejections, for
    development only (docs/explain.md); ``meter`` records the metrics into an
    OpenTelemetry meter (docs/metrics.md).
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

    def verify(request: HttpRequest, picked: Union[Picked, Answer]) -> Optional[HttpResponse]:
        """``None`` with the ``Verified`` (and the tenant) on the request, or the
        rejection's response."""
        if isinstance(picked, Answer):
            return respond(picked)
        chosen, name = picked
        body = read_body(_reader(request), chosen.max_body)
        if body is None:
            return respond(rx.reject("unreadable_body"))
        # What the view reads as request.body: the bytes verified here.
        request._body = body
        try:
            setattr(request, attr, rx.verify(chosen, body, request.headers))
        except VerificationError as e:
            return respond(rx.answer(e))
        setattr(request, attr + "_tenant", name)
        return None

    def decorate(view: F) -> F:
        if iscoroutinefunction(view):
            return cast(F, csrf_exempt(_async(view, rx, verify, attr, store, lease, ttl)))

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            rejected = verify(request, rx.pick(request))
            if rejected is not None:
                return rejected
            if store is None:
                return view(request, *args, **kwargs)
            return run_once(
                store,
                getattr(request, attr),
                lease=lease,
                ttl=ttl,
                tenant=getattr(request, attr + "_tenant"),
                handler=lambda: view(request, *args, **kwargs),
                status=_status,
                respond=rx.claimed(respond),
            )

        return cast(F, csrf_exempt(wrapper))

    return decorate


def _async(
    view: Callable[..., Awaitable[Any]],
    rx: Receiver,
    verify: Callable[[HttpRequest, Union[Picked, Answer]], Optional[HttpResponse]],
    attr: str,
    store: Optional[Store],
    lease: Optional[float],
    ttl: Optional[float],
) -> Callable[..., Awaitable[Any]]:
    """The wrapper of an ``async def`` view: the same, with the store's calls in a
    thread. The body is read as in a sync view: under ASGI, Django has received it into
    a file (in memory, or on disk past ``FILE_UPLOAD_MAX_MEMORY_SIZE``) before any view."""

    @functools.wraps(view)
    async def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        rejected = verify(request, await rx.pick_async(request))
        if rejected is not None:
            return rejected
        return await run_once_async(
            store,
            getattr(request, attr),
            lease=lease,
            ttl=ttl,
            tenant=getattr(request, attr + "_tenant"),
            handler=lambda: view(request, *args, **kwargs),
            status=_status,
            respond=rx.claimed(respond),
        )

    return wrapper


def _status(response: Any) -> int:
    return int(getattr(response, "status_code", 200))


def respond(answer: Answer) -> HttpResponse:
    """An answer of the core's tables as a Django response."""
    response = HttpResponse(answer.body, status=answer.status)
    for name, value in answer.headers:
        response[name] = value
    return response


def _reader(request: HttpRequest) -> Callable[[int], bytes]:
    """How to read the body. Django bounds its stream by Content-Length, and reads
    nothing without one; a server that dechunks a chunked body (``wsgi.input_terminated``)
    hands it to the WSGI input whole, read here with the same counter."""
    body = getattr(request, "_body", None)
    if isinstance(body, bytes):
        # Something (a middleware) read request.body already.
        return io.BytesIO(body).read
    read: Callable[[int], bytes] = request.read
    environ = getattr(request, "environ", {})
    if content_length(request.META.get("CONTENT_LENGTH")) is None and environ.get("wsgi.input_terminated"):
        read = environ["wsgi.input"].read
    return read

