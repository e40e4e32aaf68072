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

from typing import Any, AsyncIterator, Awaitable, Callable, Dict, Optional, overload

from fastapi import HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from ._http import declared_too_large, error_body
from ._native import Verified
from ._verifier import Verifier
from .errors import VerificationError
from .stores import DUPLICATE, DUPLICATE_BODY, Store, claim_key


class WebhookRejected(HTTPException):
    """Raised by the dependency for a rejected webhook. With ``install(app)`` it is
    answered as ``{"error": code, "message": …}``; without, FastAPI's own handler still
    answers with the right status (the same object under ``"detail"``)."""

    def __init__(self, error: VerificationError) -> None:
        super().__init__(status_code=error.status, detail=error_body(error))
        self.error = error


class WebhookDuplicate(HTTPException):
    """Raised by the dependency for a delivery already processed (a store is given).
    With ``install(app)`` it is answered 200 ``{"duplicate": true}``."""

    def __init__(self) -> None:
        super().__init__(status_code=200, detail=DUPLICATE_BODY)


@overload
def webhook(verifier: Verifier) -> Callable[[Request], Awaitable[Verified]]: ...


@overload
def webhook(
    verifier: Verifier, *, store: Store, ttl: Optional[float] = None
) -> Callable[[Request], AsyncIterator[Verified]]: ...


def webhook(verifier: Verifier, *, store: Optional[Store] = None, ttl: Optional[float] = None) -> Any:
    """A dependency: ``event: Verified = Depends(webhook(verifier))``.

    With a ``store`` (``hookseal.stores``) the endpoint runs once per delivery: a
    duplicate raises ``WebhookDuplicate`` (with ``install(app)``: 200
    ``{"duplicate": true}``), and an endpoint that raises releases the claim (``ttl``
    seconds, default 30 days) for the provider's retry.
    """

    async def dependency(request: Request) -> Verified:
        max_body = verifier.max_body
        if declared_too_large(_content_length(request), max_body):
            body = await _read_at_most(request, max_body + 1)
        else:
            body = await request.body()
        try:
            return verifier.verify(body, request.headers)
        except VerificationError as e:
            raise WebhookRejected(e) from None

    if store is None:
        return dependency
    claims = store

    async def once(request: Request) -> AsyncIterator[Verified]:
        event = await dependency(request)
        key = claim_key(event)
        # Stores block (sockets, files): off the event loop.
        if await run_in_threadpool(claims.claim, key, ttl) == DUPLICATE:
            raise WebhookDuplicate()
        try:
            yield event
        except BaseException:
            await run_in_threadpool(claims.release, key)
            raise

    return once


def install(app: Any) -> None:
    """Answers ``WebhookRejected`` with the error's status and ``{"error", "message"}``,
    and ``WebhookDuplicate`` with 200 ``{"duplicate": true}``."""

    async def handler(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, (WebhookRejected, WebhookDuplicate))
        detail: Dict[str, str] = exc.detail  # type: ignore[assignment]
        return JSONResponse(detail, status_code=exc.status_code)

    app.add_exception_handler(WebhookRejected, handler)
    app.add_exception_handler(WebhookDuplicate, handler)


def _content_length(request: Request) -> Optional[int]:
    try:
        return int(request.headers["content-length"])
    except (KeyError, ValueError):
        return None


async def _read_at_most(request: Request, limit: int) -> bytes:
    # Stop reading once past the limit: the core then answers payload_too_large.
    chunks = bytearray()
    async for chunk in request.stream():
        chunks += chunk
        if len(chunks) >= limit:
            break
    return bytes(chunks[:limit])
