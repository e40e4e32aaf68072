"""A Litestar receiver for the four seed providers, one path each.

``verify_webhook(verifier, store=...)``, under the route decorator, reads the body from
the ASGI stream with a byte counter (a body over ``max_body`` is 413 without being
held), verifies it before the handler runs and passes it as the handler's ``webhook``
argument, answers rejected deliveries with 401/400/413 and
``{"error": code, "message": …}``, and runs each delivery's handler once: a 2xx
completes its claim (a repeat is then 200 ``{"duplicate": true}``), a retry while it
runs is 503 ``delivery_in_progress`` with ``Retry-After``, anything else or an exception
releases it for the provider's retry; a store outage is 503 ``store_unavailable``. The
handler takes no ``data`` argument: Litestar would parse the body before the check.

Each provider's events are routed by kind (``hookseal.Router``, called in the endpoint),
each handler typed for its kind from the provider's schema (``hookseal.events``).

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… [HOOKSEAL_DB=claims.db] uvicorn app:app --port 3000
"""

import logging
import os

from litestar import Litestar, Response, post

import hookseal
from hookseal.events import salesbooth, salescaling, saleslab, salesos
from hookseal.litestar import verify_webhook
from hookseal.stores import MemoryStore, SqliteStore

log = logging.getLogger("uvicorn.error")

# One verifier per provider, built once (the secret exactly as the provider shows it).
VERIFIERS = {
    "saleslab": hookseal.Verifier("saleslab", [os.environ["SALESLAB_SIGNING_SECRET"]]),
    "salesos": hookseal.Verifier("salesos", [os.environ["SALESOS_WEBHOOK_SECRET"]]),
    "salesbooth": hookseal.Verifier("salesbooth", [os.environ["SALESBOOTH_WEBHOOK_SECRET"]]),
    # Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    "salescaling": hookseal.Verifier("salescaling", [os.environ["SALESCALING_TOKEN"]]),
}

STORE = SqliteStore(os.environ["HOOKSEAL_DB"]) if os.environ.get("HOOKSEAL_DB") else MemoryStore()


# What each provider's events do here: one handler per kind, the event typed for it; a
# kind with no route is acknowledged, 200 {"received": true}, so the provider does not
# retry it. The handlers only log, so the endpoint calls the router directly (one that
# blocks would run in a thread).
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


def receiver(provider: str, verifier: hookseal.Verifier):
    # Answered 200, as the providers expect (a Litestar POST route says 201 by default).
    @post(f"/{provider}", status_code=200, name=provider)
    @verify_webhook(verifier, store=STORE, lease=60)
    async def receive(webhook: hookseal.Verified) -> Response:
        try:
            return Response(ROUTERS[provider](webhook))
        except hookseal.InvalidPayload as e:  # a verified body that is not JSON
            return Response({"error": e.code, "message": e.message}, status_code=e.status)

    return receive


app = Litestar([receiver(name, verifier) for name, verifier in VERIFIERS.items()])
