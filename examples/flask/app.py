"""A Flask receiver for the four seed providers, one path each.

hookseal verifies the raw body before the view runs and answers 401/400/413 itself; the
view only sees genuine deliveries. With a store, each delivery's view runs once:

- the delivery is claimed with a processing lease (60 s, longer than every provider's
  timeout) before the view runs; a retry that arrives meanwhile is answered 503
  ``delivery_in_progress`` with ``Retry-After`` (the provider comes back);
- the view's 2xx completes the claim, and a later repeat (a retry or a replay) is
  answered 200 ``{"duplicate": true}`` without the view; any other answer (a 429 or a
  5xx included) or an exception releases it, and so does a crash, after the lease:
  the provider's retry runs the view again;
- a store outage is answered 503 ``store_unavailable`` with ``Retry-After: 5``.

A header sent twice counts as one value joined with ", " (a second signature header is
``malformed_signature``), and header bytes above 0x7F reach the core as sent.

Each provider's events are routed by kind (``hookseal.Router``), each handler typed for
its kind from the provider's schema (``hookseal.events``); a kind with no route is
acknowledged, 200 ``{"received": true}``, so the provider does not retry it.

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… [HOOKSEAL_DB=claims.db] flask --app app run --port 3000
"""

import os

import flask

import hookseal
from hookseal.events import salesbooth, salescaling, saleslab, salesos
from hookseal.flask import verify_webhook
from hookseal.stores import MemoryStore, SqliteStore

# One verifier per provider, built once (the secret exactly as the provider shows it).
VERIFIERS = {
    "saleslab": hookseal.Verifier("saleslab", [os.environ["SALESLAB_SIGNING_SECRET"]]),
    "salesos": hookseal.Verifier("salesos", [os.environ["SALESOS_WEBHOOK_SECRET"]]),
    "salesbooth": hookseal.Verifier("salesbooth", [os.environ["SALESBOOTH_WEBHOOK_SECRET"]]),
    # Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    "salescaling": hookseal.Verifier("salescaling", [os.environ["SALESCALING_TOKEN"]]),
}

# Where processed deliveries are remembered: a SQLite file survives restarts and is
# shared by the processes of one machine (RedisStore or PostgresStore across machines).
STORE = SqliteStore(os.environ["HOOKSEAL_DB"]) if os.environ.get("HOOKSEAL_DB") else MemoryStore()

app = flask.Flask(__name__)


# What each provider's events do here: one handler per kind, the event typed for it.
ROUTERS = {name: hookseal.Router(name) for name in VERIFIERS}


@ROUTERS["saleslab"].on("session.completed")
def session_completed(event: saleslab.SalesLabSessionCompletedEvent):
    session = event["payload"].get("session", {})
    app.logger.info("saleslab: session %s ended", session.get("id"))
    return {"received": True, "session": session.get("id")}


@ROUTERS["salesos"].on("deal.won")
def deal_won(event: salesos.SalesOSDealWonEvent):
    deal = event["payload"].get("data", {})
    app.logger.info("salesos: deal %s won, %s", deal.get("id"), deal.get("value"))
    return {"received": True, "deal": deal.get("id")}


@ROUTERS["salesbooth"].on("deal.closed")
def deal_closed(event: salesbooth.SalesboothDealClosedEvent):
    app.logger.info("salesbooth: a deal closed for tenant %s", event["payload"].get("tenant_id"))
    return {"received": True, "tenant": event["payload"].get("tenant_id")}


@ROUTERS["salescaling"].on("commercial_signal_detected")
def signal_detected(event: salescaling.SalescalingCommercialSignalDetectedEvent):
    app.logger.info("salescaling: signal %s", event["payload"].get("code"))
    return {"received": True, "signal": event["payload"].get("code")}


for name, verifier in VERIFIERS.items():
    # The store's claim wraps the routed handler: each delivery is routed once.
    view = verify_webhook(verifier, store=STORE, lease=60)(ROUTERS[name].flask())
    app.add_url_rule(f"/{name}", endpoint=name, view_func=view, methods=["POST"])

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "3000")), threaded=True)
