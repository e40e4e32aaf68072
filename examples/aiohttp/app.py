"""An aiohttp receiver for the four seed providers, one path each.

``verify_webhook(verifier, store=...)`` reads the body from ``request.content`` with a
byte counter (a body over ``max_body`` is 413 without being held), verifies it before
the handler runs, answers rejected deliveries with 401/400/413 and
``{"error": code, "message": …}``, and runs each delivery's handler once:

- a retry while the first attempt runs is 503 ``delivery_in_progress`` with
  ``Retry-After`` (the lease, 60 s, is longer than every provider's timeout);
- a 2xx response completes the claim: a later repeat is 200 ``{"duplicate": true}``;
- any other response, an exception, or a crash (after the lease) releases it, and the
  provider's retry runs the handler again;
- a store outage is 503 ``store_unavailable`` with ``Retry-After: 5``.

Headers are read from ``request.raw_headers``: one sent twice counts as one value joined
with ", ", and bytes above 0x7F reach the core as sent.

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… [HOOKSEAL_DB=claims.db] PORT=3000 python app.py
"""

import logging
import os

from aiohttp import web

import hookseal
from hookseal.aiohttp import WEBHOOK, verify_webhook
from hookseal.stores import MemoryStore, SqliteStore

log = logging.getLogger("aiohttp.server")

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


def receiver(provider: str, verifier: hookseal.Verifier):
    @verify_webhook(verifier, store=STORE, lease=60)
    async def receive(request: web.Request) -> web.Response:
        event = request[WEBHOOK]
        log.info("%s %s %s", provider, event.kind, event.event_id)
        return web.json_response({"received": True})

    return receive


app = web.Application()
for name, verifier in VERIFIERS.items():
    app.router.add_post(f"/{name}", receiver(name, verifier))

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(os.environ.get("PORT", "3000")))
