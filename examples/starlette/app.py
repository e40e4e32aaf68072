"""A Starlette receiver (no FastAPI) for the four seed providers, one path each.

``verify_webhook(verifier, store=...)`` reads the body from the ASGI stream with a byte
counter (a body over ``max_body`` is 413 without being held), verifies it before the
endpoint runs, answers rejected deliveries with 401/400/413 and
``{"error": code, "message": …}``, and runs each delivery's endpoint once: a 2xx
completes its claim (a repeat is then 200 ``{"duplicate": true}``), a retry while it
runs is 503 ``delivery_in_progress`` with ``Retry-After``, anything else or an exception
releases it for the provider's retry; a store outage is 503 ``store_unavailable``.

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… [HOOKSEAL_DB=claims.db] uvicorn app:app --port 3000
"""

import logging
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import hookseal
from hookseal.starlette import verify_webhook
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


def receiver(provider: str, verifier: hookseal.Verifier):
    @verify_webhook(verifier, store=STORE, lease=60)
    async def receive(request: Request) -> Response:
        event = request.state.webhook
        log.info("%s %s %s", provider, event.kind, event.event_id)
        return JSONResponse({"received": True})

    return receive


app = Starlette(
    routes=[Route(f"/{name}", receiver(name, verifier), methods=["POST"]) for name, verifier in VERIFIERS.items()]
)
