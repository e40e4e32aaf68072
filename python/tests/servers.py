"""Real HTTP servers on 127.0.0.1 for the framework tests: each app serves the same
route, `POST /webhooks/salesbooth`, through the hookseal helper of its framework."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

import hookseal

SECRET = "whsec_test"
MAX_BODY = 1024
ROUTE = "/webhooks/salesbooth"


def make_verifier() -> hookseal.Verifier:
    return hookseal.Verifier("salesbooth", [SECRET], max_body=MAX_BODY)


def answer(event: hookseal.Verified) -> dict:
    return {"kind": event.kind, "tenant": event.tenant, "key": event.idempotency_key}


def flask_app() -> Any:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask("hookseal-test")

    @app.post(ROUTE)
    @verify_webhook(make_verifier())
    def salesbooth() -> Any:
        return answer(flask.g.webhook)

    return app


def fastapi_app() -> Any:
    from fastapi import Depends, FastAPI

    from hookseal.fastapi import install, webhook

    app = FastAPI()
    install(app)
    dependency = webhook(make_verifier())

    @app.post(ROUTE)
    async def salesbooth(event: hookseal.Verified = Depends(dependency)) -> dict:
        return answer(event)

    return app


def aiohttp_app() -> Any:
    from aiohttp import web

    from hookseal.aiohttp import WEBHOOK, verify_webhook

    @verify_webhook(make_verifier())
    async def salesbooth(request: web.Request) -> web.Response:
        return web.json_response(answer(request[WEBHOOK]))

    app = web.Application()
    app.router.add_post(ROUTE, salesbooth)
    return app


def starlette_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from hookseal.starlette import verify_webhook

    @verify_webhook(make_verifier())
    async def salesbooth(request: Request) -> Response:
        return JSONResponse(answer(request.state.webhook))

    return Starlette(routes=[Route(ROUTE, salesbooth, methods=["POST"])])


def litestar_app() -> Any:
    from litestar import Litestar, post

    from hookseal.litestar import verify_webhook

    @post(ROUTE, status_code=200)
    @verify_webhook(make_verifier())
    async def salesbooth(webhook: hookseal.Verified) -> dict:
        return answer(webhook)

    return Litestar([salesbooth])


def django_app() -> Any:
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            SECRET_KEY="test-only-not-a-webhook-secret",
            ALLOWED_HOSTS=["127.0.0.1"],
            ROOT_URLCONF="django_urls",
            MIDDLEWARE=[
                "django.middleware.common.CommonMiddleware",
                "django.middleware.csrf.CsrfViewMiddleware",
            ],
        )
        django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    return WSGIHandler()


def django_asgi_app() -> Any:
    """The same project under ASGI: its async view is at ``ASYNC_PREFIX + ROUTE``."""
    django_app()
    from django.core.handlers.asgi import ASGIHandler

    return ASGIHandler()


ASYNC_PREFIX = "/async"


@contextmanager
def wsgi_server(app: Any) -> Iterator[str]:
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


@contextmanager
def asgi_server(app: Any) -> Iterator[str]:
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join()
        sock.close()


@contextmanager
def aiohttp_server(app: Any) -> Iterator[str]:
    """``app`` served by aiohttp's own server (``web.AppRunner``) on a loop in a thread."""
    import asyncio

    from aiohttp import web

    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", 0).start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()
