"""Routers behind each framework helper, for test_events_router.py: one route per provider,
``POST /events/<provider>``, through ``router.flask()``, ``router.fastapi(…)`` or
``router.django()``, with a memory store. Each router routes one kind of its provider
(recorded in ``RUNS``), raises for a second (``FAIL_KIND``), and leaves the rest unrouted."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Tuple

import hookseal
from hookseal.events import salesbooth, salescaling, saleslab, salesos
from hookseal.stores import MemoryStore
from events_samples import SECRETS

#: (provider, kind, event id or delivery key) of every handler run, in order.
RUNS: List[Tuple[str, str, Any]] = []
ROUTED = {"saleslab": "badge.awarded", "salesos": "deal.won", "salesbooth": "deal.created",
          "salescaling": "commercial_signal_detected"}
FAIL_KIND = {"saleslab": "session.completed", "salesos": "deal.lost", "salesbooth": "deal.updated",
             "salescaling": "meeting_status_changed"}


def routers(framework: str) -> Dict[str, hookseal.Router]:
    """A router per provider, validating, with typed handlers (mypy checks this file too)."""
    os_router = hookseal.Router("salesos", validate=True)
    lab = hookseal.Router("saleslab", validate=True)
    booth = hookseal.Router("salesbooth", validate=True)
    scaling = hookseal.Router("salescaling", validate=True)

    if framework == "fastapi":

        @os_router.on("deal.won")
        async def won(event: salesos.SalesOSDealWonEvent) -> Dict[str, Any]:
            await asyncio.sleep(0)  # an async handler is awaited on the loop
            RUNS.append(("salesos", event["kind"], event["payload"]["id"]))
            return {"won": event["payload"]["data"].get("id"), "framework": framework}

    else:

        @os_router.on("deal.won")
        def won_sync(event: salesos.SalesOSDealWonEvent) -> Dict[str, Any]:
            RUNS.append(("salesos", event["kind"], event["payload"]["id"]))
            return {"won": event["payload"]["data"].get("id"), "framework": framework}

    @lab.on("badge.awarded")
    def badge(event: saleslab.SalesLabBadgeAwardedEvent) -> None:
        RUNS.append(("saleslab", event["kind"], event["payload"]["delivery_id"]))

    @booth.on("deal.created")
    def created(event: salesbooth.SalesboothDealCreatedEvent) -> Dict[str, Any]:
        RUNS.append(("salesbooth", event["kind"], event["payload"]["data"].get("deal_id")))
        return {"tenant": event["payload"]["tenant_id"]}

    @scaling.on("commercial_signal_detected")
    def signal(event: salescaling.SalescalingCommercialSignalDetectedEvent) -> None:
        RUNS.append(("salescaling", event["kind"], event["payload"].get("code")))

    result = {"salesos": os_router, "saleslab": lab, "salesbooth": booth, "salescaling": scaling}
    for provider, router in result.items():
        kind = FAIL_KIND[provider]

        def fail(event: Any, provider: str = provider) -> None:
            RUNS.append((provider, event["kind"], "failed"))
            raise RuntimeError("the handler's database is down")

        router.on(kind)(fail)
    return result


def verifiers() -> Dict[str, hookseal.Verifier]:
    return {p: hookseal.Verifier(p, [s]) for p, s in SECRETS.items()}


def flask_app() -> Any:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask("hookseal-events")
    store = MemoryStore()
    v = verifiers()
    for provider, router in routers("flask").items():
        view = verify_webhook(v[provider], store=store)(router.flask())
        app.add_url_rule(f"/events/{provider}", view_func=view, methods=["POST"])
    return app


def fastapi_app() -> Any:
    from fastapi import FastAPI

    from hookseal.fastapi import install, webhook

    app = FastAPI()
    install(app)
    store = MemoryStore()
    v = verifiers()
    for provider, router in routers("fastapi").items():
        app.post(f"/events/{provider}")(router.fastapi(webhook(v[provider], store=store)))
    return app


def django_urlpatterns() -> List[Any]:
    from django.urls import path

    from hookseal.django import verify_webhook

    store = MemoryStore()
    v = verifiers()
    return [
        path(f"events/{provider}", verify_webhook(v[provider], store=store)(router.django()))
        for provider, router in routers("django").items()
    ]
