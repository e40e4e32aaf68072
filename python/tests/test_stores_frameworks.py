"""The helpers' ``store`` option: Flask, FastAPI and Django run the view once per
delivery, answer a duplicate 200 ``{"duplicate": true}``, release the claim when the
view fails or answers anything but 2xx, and answer a store outage 503
``store_unavailable``. (The same behind real servers, with real stores and killed
processes: test_stores_crash.py.)"""

from __future__ import annotations

import itertools
import json
from typing import Any, Dict, Tuple

import pytest

import hookseal
from hookseal.stores import MemoryStore

SECRET = "whsec_test"
verifier = hookseal.Verifier("salesbooth", [SECRET])
_n = itertools.count()


def delivery() -> Tuple[bytes, Dict[str, str]]:
    body = json.dumps({"event": "deal.created", "id": f"evt_py_{next(_n)}", "tenant_id": "t"}).encode()
    return body, hookseal.sign("salesbooth", SECRET, body)


class Handler:
    """The view's work: counts its runs, fails while ``failing``, and answers
    ``status`` (a 429: the provider should come back)."""

    def __init__(self) -> None:
        self.runs = 0
        self.failing = False
        self.status = 200

    def __call__(self) -> int:
        self.runs += 1
        if self.failing:
            raise RuntimeError("the database is down")
        return self.status


def check(post: Any, work: Handler) -> None:
    """The same story for every framework: once, duplicate, failure released."""
    body, headers = delivery()
    assert post(body, headers) == (200, {"processed": True})
    assert post(body, headers) == (200, {"duplicate": True})
    assert work.runs == 1

    body, headers = delivery()
    work.failing = True
    assert post(body, headers)[0] == 500
    work.failing = False
    assert post(body, headers) == (200, {"processed": True})
    assert post(body, headers) == (200, {"duplicate": True})
    assert work.runs == 3

    body, headers = delivery()
    work.status = 429
    assert post(body, headers)[0] == 429
    work.status = 200
    assert post(body, headers) == (200, {"processed": True})
    assert work.runs == 5

    assert post(body + b" ", headers)[0] == 401  # forged: refused before any claim


def test_flask() -> None:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask(__name__)
    work = Handler()

    @app.post("/hooks")
    @verify_webhook(verifier, store=MemoryStore())
    def hooks() -> Any:
        return {"processed": True}, work()

    client = app.test_client()

    def post(body: bytes, headers: Dict[str, str]) -> Tuple[int, Any]:
        r = client.post("/hooks", data=body, headers=headers)
        return r.status_code, r.get_json(silent=True)

    check(post, work)


def test_fastapi() -> None:
    from fastapi import Depends, FastAPI
    from fastapi.responses import JSONResponse
    from fastapi.testclient import TestClient

    from hookseal.fastapi import install, webhook

    app = FastAPI()
    install(app)
    work = Handler()

    @app.post("/hooks")
    def hooks(event: hookseal.Verified = Depends(webhook(verifier, store=MemoryStore()))) -> Any:
        return JSONResponse({"processed": True}, status_code=work())

    client = TestClient(app, raise_server_exceptions=False)

    def post(body: bytes, headers: Dict[str, str]) -> Tuple[int, Any]:
        r = client.post("/hooks", content=body, headers=headers)
        try:
            return r.status_code, r.json()
        except ValueError:
            return r.status_code, r.text

    check(post, work)


def test_django() -> None:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(ALLOWED_HOSTS=["testserver"])
        django.setup()
    from django.http import HttpResponse, JsonResponse
    from django.test import RequestFactory

    from hookseal.django import verify_webhook

    work = Handler()

    @verify_webhook(verifier, store=MemoryStore())
    def hooks(request: Any) -> HttpResponse:
        return JsonResponse({"processed": True}, status=work())

    def post(body: bytes, headers: Dict[str, str]) -> Tuple[int, Any]:
        request = RequestFactory().post("/hooks", body, content_type="application/json", headers=headers)
        try:
            r = hooks(request)
        except RuntimeError:
            return 500, None  # Django's handler answers an exception with 500
        return r.status_code, json.loads(r.content)

    check(post, work)


def over_http(base: str) -> Any:
    """``post`` for a story told to a real server at ``base`` (its route ``/hooks``)."""
    import requests

    def post(body: bytes, headers: Dict[str, str]) -> Tuple[int, Any]:
        r = requests.post(base + "/hooks", data=body, headers=headers, timeout=30)
        try:
            return r.status_code, r.json()
        except ValueError:
            return r.status_code, r.text

    return post


def test_aiohttp() -> None:
    from aiohttp import web

    from hookseal.aiohttp import verify_webhook
    from servers import aiohttp_server

    work = Handler()

    @verify_webhook(verifier, store=MemoryStore())
    async def hooks(request: web.Request) -> web.Response:
        return web.json_response({"processed": True}, status=work())

    app = web.Application()
    app.router.add_post("/hooks", hooks)
    with aiohttp_server(app) as base:
        check(over_http(base), work)


def test_aiohttp_after_a_middleware_read_the_body() -> None:
    from aiohttp import web

    from hookseal.aiohttp import WEBHOOK, verify_webhook
    from servers import aiohttp_server

    @web.middleware
    async def reads(request: web.Request, handler: Any) -> web.StreamResponse:
        await request.read()  # a logging or parsing middleware
        return await handler(request)  # type: ignore[no-any-return]

    @verify_webhook(verifier)
    async def hooks(request: web.Request) -> web.Response:
        return web.json_response({"processed": request[WEBHOOK].body == await request.read()})

    app = web.Application(middlewares=[reads])
    app.router.add_post("/hooks", hooks)
    body, headers = delivery()
    with aiohttp_server(app) as base:
        assert over_http(base)(body, headers) == (200, {"processed": True})


def test_starlette() -> None:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from hookseal.starlette import verify_webhook
    from servers import asgi_server

    work = Handler()

    @verify_webhook(verifier, store=MemoryStore())
    async def hooks(request: Request) -> Response:
        return JSONResponse({"processed": True}, status_code=work())

    with asgi_server(Starlette(routes=[Route("/hooks", hooks, methods=["POST"])])) as base:
        check(over_http(base), work)


def test_litestar() -> None:
    from litestar import Litestar, Response, post

    from hookseal.litestar import verify_webhook
    from servers import asgi_server

    work = Handler()

    @post("/hooks")
    @verify_webhook(verifier, store=MemoryStore())
    async def hooks(webhook: hookseal.Verified) -> Response[Dict[str, bool]]:
        return Response({"processed": True}, status_code=work())

    # The annotations name local imports: Litestar resolves them from this namespace.
    with asgi_server(Litestar([hooks], signature_namespace={"Response": Response})) as base:
        check(over_http(base), work)


def test_litestar_route_status_settles_the_claim() -> None:
    from litestar import Litestar, Request, post
    from litestar.testing import TestClient

    from hookseal.litestar import verify_webhook

    runs = []

    @post("/hooks", status_code=202)
    @verify_webhook(verifier, store=MemoryStore())
    async def hooks(request: Request, webhook: hookseal.Verified) -> None:
        runs.append(await request.body() == webhook.body)

    body, headers = delivery()
    with TestClient(Litestar([hooks], signature_namespace={"Request": Request})) as client:
        assert client.post("/hooks", content=body, headers=headers).status_code == 202
        r = client.post("/hooks", content=body, headers=headers)
        assert (r.status_code, r.json()) == (200, {"duplicate": True})
    assert runs == [True]


def test_django_async() -> None:
    import asyncio

    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(ALLOWED_HOSTS=["testserver"])
        django.setup()
    from django.http import HttpResponse, JsonResponse
    from django.test import AsyncRequestFactory

    from hookseal.django import verify_webhook

    work = Handler()

    @verify_webhook(verifier, store=MemoryStore())
    async def hooks(request: Any) -> HttpResponse:
        return JsonResponse({"processed": True}, status=work())

    def post(body: bytes, headers: Dict[str, str]) -> Tuple[int, Any]:
        request = AsyncRequestFactory().post("/hooks", body, content_type="application/json", headers=headers)
        try:
            r = asyncio.run(hooks(request))
        except RuntimeError:
            return 500, None  # Django's handler answers an exception with 500
        return r.status_code, json.loads(r.content)

    check(post, work)


def test_a_store_that_cannot_claim_is_503_store_unavailable() -> None:
    import flask

    from hookseal.flask import verify_webhook
    from test_stores_dedupe import Down

    app = flask.Flask(__name__)

    @app.post("/hooks")
    @verify_webhook(verifier, store=Down())
    def hooks() -> Any:
        pytest.fail("the view ran without a claim")

    body, headers = delivery()
    r = app.test_client().post("/hooks", data=body, headers=headers)
    assert (r.status_code, r.headers["retry-after"], r.get_json()["error"]) == (503, "5", "store_unavailable")


def test_fastapi_with_a_store_needs_install() -> None:
    from fastapi import Depends, FastAPI
    from fastapi.testclient import TestClient

    from hookseal.fastapi import webhook

    app = FastAPI()

    @app.post("/hooks")
    def hooks(event: hookseal.Verified = Depends(webhook(verifier, store=MemoryStore()))) -> None:
        pytest.fail("ran without install(app)")

    body, headers = delivery()
    with pytest.raises(RuntimeError, match="install"):
        TestClient(app).post("/hooks", content=body, headers=headers)
