"""An AWS Lambda receiver for the four seed providers, one path each, behind API Gateway
(REST or HTTP API), a function URL or an ALB: ``handler`` is the function's handler
(``handler.handler``).

``verify_webhook(verifier, store=...)`` restores the exact bytes that were sent
(``isBase64Encoded``), reads the headers in the event's shape, verifies before the
receiver runs, and answers rejected deliveries with 401/400/413 and
``{"error": code, "message": …}`` in the event's response shape. Each delivery runs
once: a 2xx completes its claim (a repeat is then 200 ``{"duplicate": true}``), anything
else, or an exception, releases it for the provider's retry.

Instances of a function share no memory: in production give every instance one store
(``RedisStore`` or ``PostgresStore``; ``HOOKSEAL_DB`` here names a SQLite file, for one
machine). ``test_handler.py`` beside this file invokes the handler locally with the
events AWS sends (``pytest``); no AWS account is reached.
"""

import os

import hookseal
from hookseal.aws_lambda import verify_webhook
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


def receiver(provider: str, verifier: hookseal.Verifier):
    @verify_webhook(verifier, store=STORE, lease=60)
    def receive(webhook: hookseal.Verified, event: dict, context) -> dict:
        print(provider, webhook.kind, webhook.event_id)
        return {"received": True}

    return receive


RECEIVERS = {f"/{name}": receiver(name, verifier) for name, verifier in VERIFIERS.items()}


def handler(event: dict, context) -> dict:
    # HTTP API and function URLs (payload 2.0) give rawPath; REST and ALB give path.
    receive = RECEIVERS.get(event.get("rawPath") or event.get("path") or "")
    if receive is None:
        return {"statusCode": 404, "headers": {}, "body": "", "isBase64Encoded": False}
    return receive(event, context)
