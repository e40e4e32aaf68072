"""Django: a view decorator; the ``Verified`` is ``request.webhook``.

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
>>> r.status_code, r.content[:32]
(401, b'{"error": "signature_mismatch", ')
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Optional, TypeVar, cast

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from ._http import declared_too_large, error_body
from ._verifier import Verifier
from .errors import VerificationError
from .stores import DUPLICATE_BODY, Store, run_once

F = TypeVar("F", bound=Callable[..., Any])


def verify_webhook(
    verifier: Verifier, *, attr: str = "webhook", store: Optional[Store] = None, ttl: Optional[float] = None
) -> Callable[[F], F]:
    """Decorates a Django view: ``request.body`` and ``request.headers`` are verified
    before the view runs; the ``Verified`` is ``request.<attr>``. A rejected request is
    answered with the error's status and ``{"error": code, "message": …}``.

    With a ``store`` (``hookseal.stores``) the view runs once per delivery: a duplicate
    is answered 200 ``{"duplicate": true}``, and a view that raises or answers 5xx
    releases the claim (``ttl`` seconds, default 30 days) for the provider's retry.
    """

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            max_body = verifier.max_body
            if declared_too_large(_content_length(request), max_body):
                # Django would refuse request.body past DATA_UPLOAD_MAX_MEMORY_SIZE with
                # its own error: read just enough for the core to answer 413 instead.
                body = request.read(max_body + 1)
            else:
                body = request.body
            try:
                verified = verifier.verify(body, request.headers)
            except VerificationError as e:
                return JsonResponse(error_body(e), status=e.status)
            setattr(request, attr, verified)
            if store is None:
                return view(request, *args, **kwargs)
            return run_once(
                store,
                verified,
                ttl=ttl,
                handler=lambda: view(request, *args, **kwargs),
                duplicate=lambda: JsonResponse(DUPLICATE_BODY),
                status=lambda response: getattr(response, "status_code", 200),
            )

        return cast(F, csrf_exempt(wrapper))

    return decorate


def _content_length(request: HttpRequest) -> Any:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None
