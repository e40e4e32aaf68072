"""A webhook receiver process for the tests that need one of their own (to SIGKILL it,
to measure its memory, to share a store between processes): a real HTTP server on
127.0.0.1 serving `POST /hooks` through the hookseal helper of FRAMEWORK (flask and
django under Werkzeug's threaded WSGI server; fastapi, starlette, litestar and
django-async, an async view, under uvicorn; aiohttp under its own server). Prints its
port on the first line of output.

Environment: FRAMEWORK; SCHEME and SECRET (default salesbooth, whsec_test), or
SECRETS_B64 (a JSON list of base64 secrets), OPTIONS (JSON), TOLERANCE; STORE (memory | sqlite | redis | postgres, at STORE_URL; unset:
no store); LEASE (seconds); MAX_BODY; RUNS_FILE (each run of the handler appends a line);
CONTROL (a directory: the file named after a delivery's idempotency key says what its
handler does, read when it starts: `ok`, `crash` (SIGKILL itself), `status:<n>`, or
`sleep:<seconds>:<status>`)."""

from __future__ import annotations

import base64
import json
import logging
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any, Dict, Optional, Tuple

import hookseal
from hookseal.stores import MemoryStore, PostgresStore, RedisStore, SqliteStore

SECRET = "whsec_test"
STORES: Dict[str, Any] = {
    "memory": lambda url: MemoryStore(),
    "sqlite": SqliteStore,
    "redis": RedisStore,
    "postgres": PostgresStore,
}
store = STORES[os.environ["STORE"]](os.environ.get("STORE_URL", "")) if os.environ.get("STORE") else None
lease = float(os.environ["LEASE"]) if os.environ.get("LEASE") else None


def make_verifier() -> hookseal.Verifier:
    scheme = os.environ.get("SCHEME", "salesbooth")
    secrets: list = [os.environ.get("SECRET", SECRET)]
    if os.environ.get("SECRETS_B64"):
        secrets = [base64.b64decode(s) for s in json.loads(os.environ["SECRETS_B64"])]
    options = {"max_body": int(os.environ.get("MAX_BODY", 1 << 20)), **json.loads(os.environ.get("OPTIONS", "{}"))}
    if os.environ.get("TOLERANCE"):
        try:
            return hookseal.Verifier(scheme, secrets, **options, tolerance=os.environ["TOLERANCE"])
        except hookseal.InvalidOption:
            pass  # a scheme that signs no timestamp
    return hookseal.Verifier(scheme, secrets, **options)


verifier = make_verifier()


def work(event: hookseal.Verified) -> Tuple[int, Dict[str, Any]]:
    """The handler's work, as CONTROL says for this delivery."""
    action = "ok"
    control = os.environ.get("CONTROL")
    if control and (Path(control) / event.idempotency_key).exists():
        action = (Path(control) / event.idempotency_key).read_text().strip()
    if os.environ.get("RUNS_FILE"):
        with open(os.environ["RUNS_FILE"], "a", encoding="utf-8", errors="backslashreplace") as f:
            f.write(f"{os.getpid()} {event.idempotency_key} {action}\n")
    if action == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    if action.startswith("sleep:"):
        _, seconds, status = action.split(":")
        time.sleep(float(seconds))
        return int(status), {"processed": int(status) < 300}
    if action.startswith("status:"):
        return int(action.split(":")[1]), {"processed": False}
    time.sleep(0.02)  # real work takes a while
    return 200, {"processed": True}


def flask_app() -> Any:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask("receiver")

    @app.post("/hooks")
    @verify_webhook(verifier, store=store, lease=lease)
    def hooks() -> Any:
        status, payload = work(flask.g.webhook)
        return payload, status

    return app


def fastapi_app() -> Any:
    from fastapi import Depends, FastAPI
    from fastapi.responses import JSONResponse

    from hookseal.fastapi import install, webhook

    app = FastAPI()
    install(app)

    @app.post("/hooks")
    def hooks(event: hookseal.Verified = Depends(webhook(verifier, store=store, lease=lease))) -> Any:
        # A returned response of any status: a non-2xx one releases the claim.
        status, payload = work(event)
        return JSONResponse(payload, status_code=status)

    return app


async def work_async(event: hookseal.Verified) -> Tuple[int, Dict[str, Any]]:
    """``work`` for an async handler: in a thread, as it blocks (sleeps, or reads files)."""
    import asyncio

    return await asyncio.to_thread(work, event)


def aiohttp_app() -> Any:
    from aiohttp import web

    from hookseal.aiohttp import WEBHOOK, verify_webhook

    @verify_webhook(verifier, store=store, lease=lease)
    async def hooks(request: web.Request) -> web.Response:
        status, payload = await work_async(request[WEBHOOK])
        return web.json_response(payload, status=status)

    app = web.Application()
    app.router.add_post("/hooks", hooks)
    return app


def starlette_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from hookseal.starlette import verify_webhook

    @verify_webhook(verifier, store=store, lease=lease)
    async def hooks(request: Request) -> Response:
        status, payload = await work_async(request.state.webhook)
        return JSONResponse(payload, status_code=status)

    return Starlette(routes=[Route("/hooks", hooks, methods=["POST"])])


def litestar_app() -> Any:
    from litestar import Litestar, Response, post

    from hookseal.litestar import verify_webhook

    @post("/hooks")
    @verify_webhook(verifier, store=store, lease=lease)
    async def hooks(webhook: hookseal.Verified) -> Response[Dict[str, Any]]:
        status, payload = await work_async(webhook)
        return Response(payload, status_code=status)

    return Litestar([hooks], signature_namespace={"Response": Response})


async def hooks_view_async(request: Any) -> Any:
    from django.http import JsonResponse

    status, payload = await work_async(request.webhook)
    return JsonResponse(payload, status=status)


def hooks_view(request: Any) -> Any:
    from django.http import JsonResponse

    status, payload = work(request.webhook)
    return JsonResponse(payload, status=status)


def django_app(view: Any = hooks_view) -> Any:
    import django
    from django.conf import settings
    from django.urls import path

    from hookseal.django import verify_webhook

    settings.configure(
        DEBUG=False,
        SECRET_KEY="test-only-not-a-webhook-secret",
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
    )
    django.setup()
    global urlpatterns
    urlpatterns = [path("hooks", verify_webhook(verifier, store=store, lease=lease)(view))]
    if view is hooks_view_async:
        from django.core.handlers.asgi import ASGIHandler

        return ASGIHandler()
    from django.core.handlers.wsgi import WSGIHandler

    return WSGIHandler()


urlpatterns: Optional[list] = None


ASGI = {
    "fastapi": lambda: fastapi_app(),
    "starlette": lambda: starlette_app(),
    "litestar": lambda: litestar_app(),
    "django-async": lambda: django_app(hooks_view_async),
}


def serve(framework: str) -> None:
    if framework in ASGI or framework == "aiohttp":
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)  # connections wait in the backlog until the server accepts them
        print(sock.getsockname()[1], flush=True)
        if framework == "aiohttp":
            from aiohttp import web

            web.run_app(aiohttp_app(), sock=sock, print=None, handle_signals=False)
            return
        import uvicorn

        uvicorn.Server(uvicorn.Config(ASGI[framework](), log_level="warning", lifespan="off")).run(sockets=[sock])
        return
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)

    app = flask_app() if framework == "flask" else django_app()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(server.server_port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.modules.setdefault("receiver", sys.modules[__name__])
    serve(os.environ.get("FRAMEWORK", "flask"))
