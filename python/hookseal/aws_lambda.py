"""AWS Lambda: a handler wrapper for API Gateway REST (payload 1.0), HTTP API (2.0),
Function URLs (2.0) and ALB targets; the ``Verified`` is the handler's first argument.

>>> import hookseal
>>> from hookseal.aws_lambda import verify_webhook
>>> verifier = hookseal.Verifier("saleslab", ["sl_secret"])
>>> @verify_webhook(verifier)
... def handler(webhook, event, context):
...     return {"kind": webhook.kind}
>>> body = b'{"event_kind":"badge.awarded"}'
>>> event = {"version": "2.0", "headers": hookseal.sign("saleslab", "sl_secret", body),
...          "body": body.decode(), "isBase64Encoded": False}
>>> handler(event, None)["body"]
'{"kind": "badge.awarded"}'
>>> event["body"] = "{}"
>>> handler(event, None)["statusCode"]
401
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
from http import HTTPStatus
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from ._native import Verified
from ._pipeline import Receiver
from ._receive import Answer
from ._verifier import Verifier
from .errors import VerificationError
from .stores import Store, run_once

Event = Dict[str, Any]
Handler = Callable[[Verified, Event, Any], Any]
LambdaHandler = Callable[[Event, Any], Dict[str, Any]]

#: ``unreadable_body``'s message when the bytes cannot be restored from the event.
_NOT_BYTES = (
    "the event's body is not the bytes that were sent (invalid base64, or text that is not "
    "UTF-8): let API Gateway pass the body as binary (binaryMediaTypes */*)"
)


def verify_webhook(
    verifier: Union[Verifier, str],
    *,
    store: Optional[Store] = None,
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[Callable[[Event], Optional[str]]] = None,
    secrets: Any = None,
    tenant_cache: Optional[Mapping[str, Any]] = None,
    options: Optional[Mapping[str, Any]] = None,
    explain: Optional[bool] = None,
    meter: Any = None,
) -> Callable[[Handler], LambdaHandler]:
    """Decorates ``handler(webhook, event, context)`` into a Lambda handler
    ``(event, context)``: the event's raw body and headers are verified before it runs,
    and a rejected delivery is answered, in the event's own response shape, with its
    code's status and ``{"error": code, "message": …}``.

    The body is restored to the exact bytes that were sent: base64-decoded when
    ``isBase64Encoded`` (only the first ``max_body + 1`` bytes are decoded; the core
    answers 413 past ``max_body``), else the UTF-8 of the text. Headers are read from
    ``multiValueHeaders`` when the event has them (REST, ALB with multi-value headers on;
    a repeated header joined with ``", "``), else ``headers`` (HTTP API and Function
    URLs have AWS join a repeated header with ``","``), and ``cookies`` as ``Cookie``.

    The handler returns a response of the event's shape (a dict with ``statusCode``),
    passed on as it is, or any other JSON value, answered 200 with that JSON as the body
    (the rule of the 2.0 payload, applied to every shape).

    With a ``store`` (``hookseal.stores``) the handler runs once per delivery, as in
    ``hookseal.flask``: a claim with a processing lease (``lease`` seconds, default 60),
    503 ``delivery_in_progress`` with ``Retry-After`` for a retry while it runs, a 2xx
    completes the claim (a duplicate is then 200 ``{"duplicate": true}`` for ``ttl``
    seconds), any other status or an exception releases it; a store error is 503
    ``store_unavailable``. Use a store shared by every instance (``RedisStore``,
    ``PostgresStore``, ``SqliteStore`` on a shared file system): instances of one function
    share no memory.

    Per-tenant secrets (docs/tenants.md): pass the scheme id, ``tenant=`` a function of
    the event (``lambda e: e["pathParameters"]["tenant"]``) and ``secrets=`` a function of
    the tenant returning its secrets; ``options`` are the ``Verifier`` options and
    ``tenant_cache`` its cache (``{"max": 1000, "ttl": 300}``, kept while the instance
    lives). The handler is then called with the tenant as ``webhook_tenant=``.
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

    def decorate(handler: Handler) -> LambdaHandler:
        @functools.wraps(handler)
        def wrapper(event: Event, context: Any) -> Dict[str, Any]:
            if not isinstance(event, dict):
                raise TypeError(f"a Lambda HTTP event is a dict, not {type(event).__name__}")
            shape = _Shape(event)
            picked = rx.pick(event)
            if isinstance(picked, Answer):
                return shape.respond(picked)
            chosen, name = picked
            body = raw_body(event, chosen.max_body + 1)
            if body is None:
                return shape.respond(rx.reject("unreadable_body", _NOT_BYTES))
            try:
                verified = rx.verify(chosen, body, header_pairs(event))
            except VerificationError as e:
                return shape.respond(rx.answer(e))

            def call() -> Dict[str, Any]:
                if name is None:
                    return shape.response(handler(verified, event, context))
                return shape.response(handler(verified, event, context, webhook_tenant=name))  # type: ignore[call-arg]

            if store is None:
                return call()
            return run_once(
                store,
                verified,
                lease=lease,
                ttl=ttl,
                tenant=name,
                handler=call,
                status=_status,
                respond=rx.claimed(shape.respond),
            )

        return wrapper

    return decorate


def raw_body(event: Event, limit: int) -> Optional[bytes]:
    """The first ``limit`` bytes of the body that was sent; ``None`` when the event's
    body cannot be those bytes (invalid base64, text with a lone surrogate).

    >>> raw_body({"body": "/w==", "isBase64Encoded": True}, 10), raw_body({"body": "é"}, 10)
    (b'\\xff', b'\\xc3\\xa9')
    """
    text = event.get("body")
    if text is None:
        return b""
    if not isinstance(text, str):
        return None
    try:
        if event.get("isBase64Encoded"):
            # 4 characters hold 3 bytes: decode only what the limit needs.
            return base64.b64decode(text[: -(-limit // 3) * 4], validate=True)[:limit]
        return text[:limit].encode("utf-8")[:limit]
    except (binascii.Error, ValueError):
        return None


def header_pairs(event: Event) -> List[Tuple[str, str]]:
    """The event's headers as ``(name, value)`` pairs, a repeated header once per value
    where the event keeps them apart (``multiValueHeaders``), ``cookies`` as ``Cookie``.

    >>> header_pairs({"multiValueHeaders": {"A": ["1", "2"]}, "headers": {"A": "2"}})
    [('A', '1'), ('A', '2')]
    >>> header_pairs({"headers": {"a": "1,2"}, "cookies": ["x=1", "y=2"]})
    [('a', '1,2'), ('cookie', 'x=1; y=2')]
    """
    multi = event.get("multiValueHeaders")
    if isinstance(multi, dict) and multi:
        pairs = [(name, value) for name, values in multi.items() for value in values or ()]
    else:
        pairs = list((event.get("headers") or {}).items())
    cookies = event.get("cookies")
    if cookies:
        # The 2.0 payload moves the Cookie header here; RFC 6265 joins its pairs with "; ".
        pairs.append(("cookie", "; ".join(cookies)))
    return pairs


class _Shape:
    """How the event's source wants its answer: ALB needs ``statusDescription`` and
    answers in ``multiValueHeaders`` when the request came with them."""

    def __init__(self, event: Event) -> None:
        self.alb = "elb" in (event.get("requestContext") or {})
        self.multi = self.alb and isinstance(event.get("multiValueHeaders"), dict)

    def respond(self, answer: Answer) -> Dict[str, Any]:
        """An answer of the core's tables in this shape (its body is UTF-8 JSON)."""
        response: Dict[str, Any] = {"statusCode": answer.status}
        if self.alb:
            response["statusDescription"] = f"{answer.status} {HTTPStatus(answer.status).phrase}"
        if self.multi:
            response["multiValueHeaders"] = {name: [value] for name, value in answer.headers}
        else:
            response["headers"] = dict(answer.headers)
        response["body"] = answer.body.decode("utf-8")
        response["isBase64Encoded"] = False
        return response

    def response(self, result: Any) -> Dict[str, Any]:
        """The handler's result as a response: a dict with ``statusCode`` as it is."""
        if isinstance(result, dict) and "statusCode" in result:
            return result
        body = json.dumps(result).encode()
        return self.respond(Answer(200, (("content-type", "application/json"),), body))


def _status(response: Dict[str, Any]) -> int:
    return int(response["statusCode"])
