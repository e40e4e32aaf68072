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

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… [HOOKSEAL_DB=claims.db] uvicorn app:app --port 3000
"""

import logging
import os

from fastapi import Depends, FastAPI

import hookseal
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


def receiver(provider: str, verifier: hookseal.Verifier):
    async def receive(event: hookseal.Verified = Depends(webhook(verifier, store=STORE, lease=60))):
        log.info("%s %s %s", provider, event.kind, event.event_id)
        return {"received": True}

    return receive


for name, verifier in VERIFIERS.items():
    app.post(f"/{name}")(receiver(name, verifier))
