"""A FastAPI receiver for the four seed providers, one path each.

The ``webhook(verifier)`` dependency verifies ``await request.body()`` before the handler
runs; ``install(app)`` answers rejected deliveries with 401/400/413 and
``{"error": code, "message": …}``. The handler acknowledges a repeat (a retry or a
replay) without processing it again.

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… uvicorn app:app --port 3000
"""

import logging
import os

from fastapi import Depends, FastAPI

import hookseal
from hookseal.fastapi import install, webhook

log = logging.getLogger("uvicorn.error")

# One verifier per provider, built once (the secret exactly as the provider shows it).
VERIFIERS = {
    "saleslab": hookseal.Verifier("saleslab", [os.environ["SALESLAB_SIGNING_SECRET"]]),
    "salesos": hookseal.Verifier("salesos", [os.environ["SALESOS_WEBHOOK_SECRET"]]),
    "salesbooth": hookseal.Verifier("salesbooth", [os.environ["SALESBOOTH_WEBHOOK_SECRET"]]),
    # Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    "salescaling": hookseal.Verifier("salescaling", [os.environ["SALESCALING_TOKEN"]]),
}

# Deliveries already processed, by idempotency key. In production: a table with a unique
# key, so that it survives restarts and is shared. (One event loop: no lock needed.)
processed: set = set()

app = FastAPI()
install(app)


def receiver(provider: str, verifier: hookseal.Verifier):
    async def receive(event: hookseal.Verified = Depends(webhook(verifier))):
        key = f"{provider}:{event.idempotency_key}"
        if key in processed:
            return {"received": True, "duplicate": True}
        processed.add(key)
        log.info("%s %s %s", provider, event.kind, event.event_id)
        return {"received": True, "duplicate": False}

    return receive


for name, verifier in VERIFIERS.items():
    app.post(f"/{name}")(receiver(name, verifier))
