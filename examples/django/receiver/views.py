"""A Django receiver for the four seed providers, one path each: two sync views and two
``async def`` views, all behind ``hookseal.django.verify_webhook``.

hookseal verifies the raw body before the view runs and answers 401/400/413 itself; the
view only sees genuine deliveries (``request.webhook``). With a store, each delivery's
view runs once:

- the delivery is claimed with a processing lease (60 s, longer than every provider's
  timeout) before the view runs; a retry that arrives meanwhile is answered 503
  ``delivery_in_progress`` with ``Retry-After`` (the provider comes back);
- the view's 2xx completes the claim, and a later repeat (a retry or a replay) is
  answered 200 ``{"duplicate": true}`` without the view; any other answer or an
  exception releases it: the provider's retry runs the view again;
- a store outage is answered 503 ``store_unavailable`` with ``Retry-After: 5``.

Each provider's events are routed by kind (``hookseal.Router``), each handler typed for
its kind from the provider's schema (``hookseal.events``); a kind with no route is
acknowledged, 200 ``{"received": true}``, so the provider does not retry it.

The memory store keeps claims in this process: run one process (``runserver``, or
uvicorn with one worker); use SqliteStore, RedisStore or PostgresStore for more.
"""

import logging
import os

from django.http import JsonResponse

import hookseal
from hookseal.django import verify_webhook
from hookseal.events import salesbooth, salescaling, saleslab, salesos
from hookseal.stores import MemoryStore

log = logging.getLogger("receiver")

# One verifier per provider, built once (the secret exactly as the provider shows it).
VERIFIERS = {
    "saleslab": hookseal.Verifier("saleslab", [os.environ["SALESLAB_SIGNING_SECRET"]]),
    "salesos": hookseal.Verifier("salesos", [os.environ["SALESOS_WEBHOOK_SECRET"]]),
    "salesbooth": hookseal.Verifier("salesbooth", [os.environ["SALESBOOTH_WEBHOOK_SECRET"]]),
    # Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    "salescaling": hookseal.Verifier("salescaling", [os.environ["SALESCALING_TOKEN"]]),
}

# Where processed deliveries are remembered (one store for every path).
STORE = MemoryStore()

# What each provider's events do here: one handler per kind, the event typed for it.
ROUTERS = {name: hookseal.Router(name) for name in VERIFIERS}


@ROUTERS["saleslab"].on("session.completed")
def session_completed(event: saleslab.SalesLabSessionCompletedEvent) -> dict:
    session = event["payload"].get("session", {})
    log.info("saleslab: session %s ended", session.get("id"))
    return {"received": True, "session": session.get("id")}


@ROUTERS["salesos"].on("deal.won")
def deal_won(event: salesos.SalesOSDealWonEvent) -> dict:
    deal = event["payload"].get("data", {})
    log.info("salesos: deal %s won, %s", deal.get("id"), deal.get("value"))
    return {"received": True, "deal": deal.get("id")}


@ROUTERS["salesbooth"].on("deal.closed")
def deal_closed(event: salesbooth.SalesboothDealClosedEvent) -> dict:
    log.info("salesbooth: a deal closed for tenant %s", event["payload"].get("tenant_id"))
    return {"received": True, "tenant": event["payload"].get("tenant_id")}


@ROUTERS["salescaling"].on("commercial_signal_detected")
def signal_detected(event: salescaling.SalescalingCommercialSignalDetectedEvent) -> dict:
    log.info("salescaling: signal %s", event["payload"].get("code"))
    return {"received": True, "signal": event["payload"].get("code")}


def webhook(name: str):  # type: ignore[no-untyped-def]
    """The decorator of a provider's view; the store's claim wraps the routed handler,
    so each delivery is routed once."""
    return verify_webhook(VERIFIERS[name], store=STORE, lease=60)


# Sync views: the router's own Django view (a dict answer is sent as JSON, a verified
# body that is not JSON is 400 invalid_payload).
saleslab_view = webhook("saleslab")(ROUTERS["saleslab"].django())
salesos_view = webhook("salesos")(ROUTERS["salesos"].django())


# Async views: under ASGI they run on the event loop (the store's calls in a thread).
# The handlers above only log, so they are called here directly; one that blocks would
# go through asgiref's sync_to_async.
@webhook("salesbooth")
async def salesbooth_view(request):  # type: ignore[no-untyped-def]
    try:
        return JsonResponse(ROUTERS["salesbooth"](request.webhook))
    except hookseal.InvalidPayload as e:  # a verified body that is not JSON
        return JsonResponse({"error": e.code, "message": e.message}, status=e.status)


@webhook("salescaling")
async def salescaling_view(request):  # type: ignore[no-untyped-def]
    try:
        return JsonResponse(ROUTERS["salescaling"](request.webhook))
    except hookseal.InvalidPayload as e:  # a verified body that is not JSON
        return JsonResponse({"error": e.code, "message": e.message}, status=e.status)


VIEWS = {
    "saleslab": saleslab_view,
    "salesos": salesos_view,
    "salesbooth": salesbooth_view,
    "salescaling": salescaling_view,
}
