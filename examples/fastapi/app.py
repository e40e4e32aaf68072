"""A FastAPI receiver for the four seed providers, one path each.

The ``webhook(verifier, store=...)`` dependency reads the body from the ASGI stream with
a byte counter (a body over ``max_body`` is 413 without being held), verifies it before
the handler runs, and claims the delivery; ``install(app)`` answers rejections with
401/400/413 and ``{"error": code, "message": …}``, and settles each claim by the
response's status:

- a retry while the first attempt runs is 503 ``delivery_in_progress`` with
  ``Retry-After`` (the lease, 60 s, is longer than every provider's timeout);
- a 2xx response completes the claim: a later repeat is 200 ``{"duplicate": true}``;
- any other response (a returned 503 included), an exception, or a crash (after the
  lease) releases it, and the provider's retry runs the handler again;
- a store outage is 503 ``store_unavailable`` with ``Retry-After: 5``.

Headers are read from the raw ASGI list: one sent twice counts as one value joined with
", ", and bytes above 0x7F reach the core as sent.

Each provider's events are routed by kind (``hookseal.Router``), each handler typed for
its kind from the provider's schema (``hookseal.events``); a kind with no route is
acknowledged, 200 ``{"received": true}``, so the provider does not retry it.

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… [HOOKSEAL_DB=claims.db] uvicorn app:app --port 3000
"""

import logging
import os

from fastapi import FastAPI

import hookseal
from hookseal.events import salesbooth, salescaling, saleslab, salesos
from hookseal.fastapi import install, webhook
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

# Where processed deliveries are remembered: a SQLite file survives restarts and is
# shared by the workers of one machine (RedisStore or PostgresStore across machines).
STORE = SqliteStore(os.environ["HOOKSEAL_DB"]) if os.environ.get("HOOKSEAL_DB") else MemoryStore()

app = FastAPI()
install(app)


# What each provider's events do here: one handler per kind, the event typed for it.
ROUTERS = {name: hookseal.Router(name) for name in VERIFIERS}


@ROUTERS["saleslab"].on("session.completed")
async def session_completed(event: saleslab.SalesLabSessionCompletedEvent):
    session = event["payload"].get("session", {})
    log.info("saleslab: session %s ended", session.get("id"))
    return {"received": True, "session": session.get("id")}


@ROUTERS["salesos"].on("deal.won")
async def deal_won(event: salesos.SalesOSDealWonEvent):
    deal = event["payload"].get("data", {})
    log.info("salesos: deal %s won, %s", deal.get("id"), deal.get("value"))
    return {"received": True, "deal": deal.get("id")}


# A plain def runs in the thread pool, off the event loop (for blocking work).
@ROUTERS["salesbooth"].on("deal.closed")
def deal_closed(event: salesbooth.SalesboothDealClosedEvent):
    log.info("salesbooth: a deal closed for tenant %s", event["payload"].get("tenant_id"))
    return {"received": True, "tenant": event["payload"].get("tenant_id")}


@ROUTERS["salescaling"].on("commercial_signal_detected")
async def signal_detected(event: salescaling.SalescalingCommercialSignalDetectedEvent):
    log.info("salescaling: signal %s", event["payload"].get("code"))
    return {"received": True, "signal": event["payload"].get("code")}


for name, verifier in VERIFIERS.items():
    # The store's claim wraps the routed handler: each delivery is routed once.
    app.post(f"/{name}")(ROUTERS[name].fastapi(webhook(verifier, store=STORE, lease=60)))
