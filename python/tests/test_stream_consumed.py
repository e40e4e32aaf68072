"""A body stream read before the async helper, without its bytes kept, is answered
500 ``body_already_parsed`` (retried by the provider once the app is fixed), never the
final 400 ``unreadable_body`` of a body cut off in transit."""

from __future__ import annotations

import asyncio
import functools
from typing import Any, AsyncIterator, Awaitable, Callable

import pytest

import hookseal
from hookseal._aio import StreamConsumed, read_at_most

# At module level: FastAPI resolves the endpoint's (string) annotations in this module.
from fastapi import Depends, FastAPI
from fastapi import Request as FastAPIRequest
from fastapi.testclient import TestClient as FastAPIClient
from hookseal.fastapi import install, webhook

SECRET = "whsec_consumed"
BODY = b'{"id":"evt_1","type":"deal.won","created_at":"2026-05-19T13:42:08Z","data":{}}'


def test_read_at_most_names_a_consumed_stream() -> None:
    async def consumed() -> AsyncIterator[bytes]:
        raise RuntimeError("Stream consumed")
        yield b""  # pragma: no cover

    async def cut() -> AsyncIterator[bytes]:
        yield b"ab"
        raise ConnectionResetError("peer went away")

    with pytest.raises(StreamConsumed):
        asyncio.run(read_at_most(consumed(), 10))
    assert asyncio.run(read_at_most(cut(), 10)) is None


def test_starlette_stream_read_before_the_helper() -> None:
    pytest.importorskip("starlette")
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from hookseal.starlette import verify_webhook

    def reads_stream_first(endpoint: Callable[[Request], Awaitable[Response]]) -> Any:
        @functools.wraps(endpoint)
        async def wrapper(request: Request) -> Response:
            async for _ in request.stream():
                pass
            return await endpoint(request)

        return wrapper

    verifier = hookseal.Verifier("salesos", [SECRET])

    @reads_stream_first
    @verify_webhook(verifier)
    async def salesos(request: Request) -> Response:
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/hooks", salesos, methods=["POST"])])
    r = FastAPIClient(app).post("/hooks", content=BODY, headers=hookseal.sign("salesos", SECRET, BODY))
    assert r.status_code == 500
    assert r.json()["error"] == "body_already_parsed"
    assert "request.body()" in r.json()["message"]


def test_fastapi_stream_read_by_an_earlier_dependency() -> None:
    verifier = hookseal.Verifier("salesos", [SECRET])

    async def reads_stream(request: FastAPIRequest) -> None:
        async for _ in request.stream():
            pass

    app = FastAPI()
    install(app)

    @app.post("/hooks")
    async def salesos(_: None = Depends(reads_stream), event: hookseal.Verified = Depends(webhook(verifier))) -> dict:
        return {"ok": True}

    r = FastAPIClient(app).post("/hooks", content=BODY, headers=hookseal.sign("salesos", SECRET, BODY))
    assert r.status_code == 500
    assert r.json()["error"] == "body_already_parsed"
