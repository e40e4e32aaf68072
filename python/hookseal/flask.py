"""Flask: a decorator that verifies the request and puts the ``Verified`` on ``flask.g``.

>>> import flask, hookseal
>>> from hookseal.flask import verify_webhook
>>> app = flask.Flask(__name__)
>>> verifier = hookseal.Verifier("saleslab", ["sl_secret"])
>>> @app.post("/webhooks/saleslab")
... @verify_webhook(verifier)
... def saleslab():
...     return {"kind": flask.g.webhook.kind}
>>> body = b'{"event_kind":"badge.awarded"}'
>>> client = app.test_client()
>>> client.post("/webhooks/saleslab", data=body, headers=hookseal.sign("saleslab", "sl_secret", body)).json
{'kind': 'badge.awarded'}
>>> r = client.post("/webhooks/saleslab", data=b"{}", headers={"X-SalesLab-Signature": "sha256=" + "0" * 64})
>>> r.status_code, r.json["error"]
(401, 'signature_mismatch')
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Mapping, Optional, TypeVar, Union, cast

from flask import Response, g, make_response, request

from ._http import read_body
from ._pipeline import Receiver
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
    """Decorates a Flask view: the raw body and ``request.headers`` are verified before
    the view runs; the ``Verified`` is ``flask.g.<attr>`` (default ``g.webhook``). A
    rejected request never reaches the view: it is answered with its code's status and
    ``{"error": code, "message": …}``.

    The body is read from the WSGI input with a byte counter that stops at
    ``verifier.max_body + 1`` bytes whatever ``Content-Length`` says (a chunked body
    included), so a body over the limit is answered 413 without being held; the view
    still finds the bytes in ``request.get_data()``.

    With a ``store`` (``hookseal.stores``) the view runs once per delivery. It is
    claimed with a processing lease (``lease`` seconds, default 60): a retry while the
    view runs is answered 503 ``delivery_in_progress`` with ``Retry-After``; a view that
    answers 2xx completes the claim (a duplicate is then 200 ``{"duplicate": true}``
    for ``ttl`` seconds, default 30 days); any other answer, or an exception, releases
    it for the provider's retry. A store error is 503 ``store_unavailable``.

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    ``flask.request`` (``lambda r: r.view_args["tenant"]``) and ``secrets=`` a function of
    the tenant returning its secrets; ``options`` are the ``Verifier`` options and
    ``tenant_cache`` its cache (``{"max": 1000, "ttl": 300}``). The tenant is
    ``flask.g.<attr>_tenant`` (``None`` without tenants). ``explain=True`` (or ``HOOKSEAL_EXPLAIN=1``) adds the
    diagnosis to rejections, for development only (docs/explain.md); ``meter`` records
    the metrics into an OpenTelemetry meter (docs/metrics.md; by default the global
    provider's, when ``hookseal[otel]`` is installed and one is set).
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

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            picked = rx.pick(request)
            if isinstance(picked, Answer):
                return respond(picked)
            chosen, name = picked
            # request.stream is the WSGI input bounded by Content-Length, or the whole
            # dechunked input when the server marks it terminated: counted here either way.
            body = read_body(request.stream.read, chosen.max_body)
            if body is None:
                return respond(rx.reject("unreadable_body"))
            # What the view reads with request.get_data(): the bytes verified here.
            request._cached_data = body
            try:
                verified = rx.verify(chosen, body, request.headers)
            except VerificationError as e:
                return respond(rx.answer(e))
            setattr(g, attr, verified)
            setattr(g, attr + "_tenant", name)
            if store is None:
                return view(*args, **kwargs)
            return run_once(
                store,
                verified,
                lease=lease,
                ttl=ttl,
                tenant=name,
                handler=lambda: make_response(view(*args, **kwargs)),
                status=lambda response: response.status_code,
                respond=rx.claimed(respond),
            )

        return cast(F, wrapper)

    return decorate


def respond(answer: Answer) -> Response:
    """An answer of the core's tables as a Flask response."""
    return Response(answer.body, status=answer.status, headers=list(answer.headers))
