"""Receivers with per-tenant secrets, one per framework helper, each serving
``POST /hooks/<tenant>`` with the memory store, and answering what the helper told the
handler: the tenant, the kind and the idempotency key.

Every app asks one ``Directory`` for secrets: the tests change its secrets (a rotation),
make it fail (its database is down), or hold it until several requests are waiting for
one tenant (single-flight), and move its clock past the cache's TTL."""


import asyncio
import threading
import time
from typing import Any, Dict, List, Optional

import hookseal
from hookseal.stores import MemoryStore

SCHEME = "salesbooth"
TTL = 60.0


class Directory:
    """The tenants' secrets, as an app's database would hold them."""

    def __init__(self) -> None:
        self.secrets: Dict[str, List[Any]] = {}
        self.calls: List[str] = []
        self.fail = False
        self.now = 1000.0
        #: Requests that named a tenant; ``hold`` makes the resolver wait for that many.
        self.arrived = 0
        self.hold = 0
        self.lock = threading.Lock()

    def reset(self) -> None:
        self.secrets = {"acme": ["whsec_acme"], "globex": ["whsec_globex"], "a:b%c": ["whsec_odd"]}
        self.calls.clear()
        self.fail = False
        self.arrived = 0
        self.hold = 0
        self.now += 10 * TTL  # nothing cached survives a reset

    def clock(self) -> float:
        return self.now

    def cache(self) -> Dict[str, Any]:
        return {"ttl": TTL, "clock": self.clock}

    def named(self, tenant: Optional[str]) -> Optional[str]:
        with self.lock:
            self.arrived += 1
        return tenant

    def _answer(self, tenant: str) -> Optional[List[Any]]:
        with self.lock:
            self.calls.append(tenant)
        if self.fail:
            raise ConnectionError("postgres://user:hunter2@db/tenants is down")
        return self.secrets.get(tenant)

    def load(self, tenant: str) -> Optional[List[Any]]:
        deadline = time.monotonic() + 5
        while self.arrived < self.hold and time.monotonic() < deadline:
            time.sleep(0.005)
        return self._answer(tenant)

    async def load_async(self, tenant: str) -> Optional[List[Any]]:
        deadline = time.monotonic() + 5
        while self.arrived < self.hold and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        return self._answer(tenant)


DIRECTORY = Directory()


def reply(verified: hookseal.Verified, tenant: Optional[str]) -> Dict[str, Any]:
    return {"tenant": tenant, "kind": verified.kind, "key": verified.idempotency_key}


def flask_app(d: Directory) -> Any:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask("hookseal-tenants")

    @app.post("/hooks/<tenant>")
    @verify_webhook(
        SCHEME,
        tenant=lambda r: d.named(r.view_args["tenant"]),
        secrets=d.load,
        tenant_cache=d.cache(),
        store=MemoryStore(),
    )
    def hook(tenant: str) -> Any:
        return reply(flask.g.webhook, flask.g.webhook_tenant)

    return app


def fastapi_app(d: Directory) -> Any:
    from fastapi import Depends, FastAPI, Request

    from hookseal.fastapi import install, webhook

    app = FastAPI()
    install(app)
    dependency = webhook(
        SCHEME,
        tenant=lambda r: d.named(r.path_params["tenant"]),
        secrets=d.load_async,
        tenant_cache=d.cache(),
        store=MemoryStore(),
    )

    @app.post("/hooks/{tenant}")
    async def hook(request: Request, event: hookseal.Verified = Depends(dependency)) -> dict:
        return reply(event, request.state.webhook_tenant)

    return app


def aiohttp_app(d: Directory) -> Any:
    from aiohttp import web

    from hookseal.aiohttp import WEBHOOK, WEBHOOK_TENANT, verify_webhook

    @verify_webhook(
        SCHEME,
        tenant=lambda r: d.named(r.match_info["tenant"]),
        secrets=d.load_async,
        tenant_cache=d.cache(),
        store=MemoryStore(),
    )
    async def hook(request: web.Request) -> web.Response:
        return web.json_response(reply(request[WEBHOOK], request[WEBHOOK_TENANT]))

    app = web.Application()
    app.router.add_post("/hooks/{tenant}", hook)
    return app


def starlette_app(d: Directory) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from hookseal.starlette import verify_webhook

    # A sync resolver in an async helper: allowed, called on the loop.
    @verify_webhook(
        SCHEME,
        tenant=lambda r: d.named(r.path_params["tenant"]),
        secrets=lambda t: d._answer(t),
        tenant_cache=d.cache(),
        store=MemoryStore(),
    )
    async def hook(request: Request) -> Response:
        return JSONResponse(reply(request.state.webhook, request.state.webhook_tenant))

    return Starlette(routes=[Route("/hooks/{tenant}", hook, methods=["POST"])])


def litestar_app(d: Directory) -> Any:
    from litestar import Litestar, post

    from hookseal.litestar import verify_webhook

    @post("/hooks/{tenant:str}", status_code=200)
    @verify_webhook(
        SCHEME,
        tenant=lambda r: d.named(r.path_params["tenant"]),
        secrets=d.load_async,
        tenant_cache=d.cache(),
        store=MemoryStore(),
    )
    async def hook(webhook: hookseal.Verified, webhook_tenant: str) -> dict:
        return reply(webhook, webhook_tenant)

    return Litestar([hook])


def django_views(d: Directory) -> Any:
    """The sync and the async view, for tests/django_urls.py."""
    from django.http import JsonResponse

    from hookseal.django import verify_webhook

    def options() -> Dict[str, Any]:
        return {
            "tenant": lambda r: d.named(r.resolver_match.kwargs["tenant"]),
            "tenant_cache": d.cache(),
            "store": MemoryStore(),
        }

    @verify_webhook(SCHEME, secrets=d.load, **options())
    def hook(request: Any, tenant: str) -> Any:
        return JsonResponse(reply(request.webhook, request.webhook_tenant))

    @verify_webhook(SCHEME, secrets=d.load_async, **options())
    async def hook_async(request: Any, tenant: str) -> Any:
        return JsonResponse(reply(request.webhook, request.webhook_tenant))

    return hook, hook_async


def lambda_handler(d: Directory) -> Any:
    from hookseal.aws_lambda import verify_webhook

    @verify_webhook(
        SCHEME,
        tenant=lambda e: d.named((e.get("pathParameters") or {}).get("tenant")),
        secrets=d.load,
        tenant_cache=d.cache(),
        store=MemoryStore(),
    )
    def handler(webhook: hookseal.Verified, event: Any, context: Any, webhook_tenant: str) -> Any:
        return reply(webhook, webhook_tenant)

    return handler
