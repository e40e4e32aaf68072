"""An AWS Lambda receiver for the four seed providers, one path each, behind API Gateway
(REST or HTTP API), a function URL or an ALB: ``handler`` is the function's handler
(``handler.handler``).

``verify_webhook(verifier, store=...)`` restores the exact bytes that were sent
(``isBase64Encoded``), reads the headers in the event's shape, verifies before the
receiver runs, and answers rejected deliveries with 401/400/413 and
``{"error": code, "message": …}`` in the event's response shape. Each delivery runs
once: a 2xx completes its claim (a repeat is then 200 ``{"duplicate": true}``), anything
else, or an exception, releases it for the provider's retry. Each provider's events are
routed by kind (``hookseal.Router``), each handler typed for its kind from the provider's
schema (``hookseal.events``).

Instances of a function share no memory: in production give every instance one store
(``RedisStore`` or ``PostgresStore``; ``HOOKSEAL_DB`` here names a SQLite file, for one
machine). ``test_handler.py`` beside this file invokes the handler locally with the
events AWS sends (``pytest``); no AWS account is reached.
"""

import json
import os

import hookseal
from hookseal.aws_lambda import verify_webhook
from hookseal.events import salesbooth, salescaling, saleslab, salesos
from hookseal.stores import MemoryStore, SqliteStore

# One verifier per provider, built once per instance (the secret exactly as the provider shows it).
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
# retry it. The receiver calls the router with the verified delivery.
ROUTERS = {name: hookseal.Router(name) for name in VERIFIERS}


@ROUTERS["saleslab"].on("session.completed")
def session_completed(event: saleslab.SalesLabSessionCompletedEvent) -> dict:
    session = event["payload"].get("session", {})
    print("saleslab: session", session.get("id"), "ended")
    return {"received": True, "session": session.get("id")}


@ROUTERS["salesos"].on("deal.won")
def deal_won(event: salesos.SalesOSDealWonEvent) -> dict:
    deal = event["payload"].get("data", {})
    print("salesos: deal", deal.get("id"), "won,", deal.get("value"))
    return {"received": True, "deal": deal.get("id")}


@ROUTERS["salesbooth"].on("deal.closed")
def deal_closed(event: salesbooth.SalesboothDealClosedEvent) -> dict:
    print("salesbooth: a deal closed for tenant", event["payload"].get("tenant_id"))
    return {"received": True, "tenant": event["payload"].get("tenant_id")}


@ROUTERS["salescaling"].on("commercial_signal_detected")
def signal_detected(event: salescaling.SalescalingCommercialSignalDetectedEvent) -> dict:
    print("salescaling: signal", event["payload"].get("code"))
    return {"received": True, "signal": event["payload"].get("code")}


def receiver(provider: str, verifier: hookseal.Verifier):
    @verify_webhook(verifier, store=STORE, lease=60)
    def receive(webhook: hookseal.Verified, event: dict, context) -> dict:
        try:
            result: dict = ROUTERS[provider](webhook)
        except hookseal.InvalidPayload as e:  # a verified body that is not JSON
            body = json.dumps({"error": e.code, "message": e.message})
            return {"statusCode": e.status, "headers": {"content-type": "application/json"}, "body": body}
        return result

    return receive


RECEIVERS = {f"/{name}": receiver(name, verifier) for name, verifier in VERIFIERS.items()}


def handler(event: dict, context) -> dict:
    # HTTP API and function URLs (payload 2.0) give rawPath; REST and ALB give path.
    receive = RECEIVERS.get(event.get("rawPath") or event.get("path") or "")
    if receive is None:
        return {"statusCode": 404, "headers": {}, "body": "", "isBase64Encoded": False}
    return receive(event, context)
