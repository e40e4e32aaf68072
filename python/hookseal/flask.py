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
from typing import Any, Callable, Optional, TypeVar, cast

from flask import g, jsonify, make_response, request

from ._http import declared_too_large, error_body
from ._verifier import Verifier
from .errors import VerificationError
from .stores import DUPLICATE_BODY, Store, run_once

F = TypeVar("F", bound=Callable[..., Any])


def verify_webhook(
    verifier: Verifier, *, attr: str = "webhook", store: Optional[Store] = None, ttl: Optional[float] = None
) -> Callable[[F], F]:
    """Decorates a Flask view: the raw body (``request.get_data()``) and
    ``request.headers`` are verified before the view runs; the ``Verified`` is
    ``flask.g.<attr>`` (default ``g.webhook``). A rejected request never reaches the view:
    it is answered with the error's status and ``{"error": code, "message": …}``.

    With a ``store`` (``hookseal.stores``) the view runs once per delivery: a duplicate
    is answered 200 ``{"duplicate": true}``, and a view that raises or answers 5xx
    releases the claim (``ttl`` seconds, default 30 days) for the provider's retry.
    """

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            max_body = verifier.max_body
            if declared_too_large(request.content_length, max_body):
                body = request.stream.read(max_body + 1)
            else:
                body = request.get_data(cache=True)
            try:
                verified = verifier.verify(body, request.headers)
            except VerificationError as e:
                return jsonify(error_body(e)), e.status
            setattr(g, attr, verified)
            if store is None:
                return view(*args, **kwargs)
            return run_once(
                store,
                verified,
                ttl=ttl,
                handler=lambda: make_response(view(*args, **kwargs)),
                duplicate=lambda: make_response(jsonify(DUPLICATE_BODY), 200),
                status=lambda response: response.status_code,
            )

        return cast(F, wrapper)

    return decorate
