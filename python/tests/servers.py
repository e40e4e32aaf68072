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
