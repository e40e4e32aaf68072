"""A Flask receiver for the four seed providers, one path each.

hookseal verifies the raw body before the view runs and answers 401/400/413 itself; the
view only sees genuine deliveries, and acknowledges a repeat (a retry or a replay)
without processing it again.

    SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \\
    SALESCALING_TOKEN=… flask --app app run --port 3000
"""

import os
import threading

import flask

import hookseal
from hookseal.flask import verify_webhook

# One verifier per provider, built once (the secret exactly as the provider shows it).
VERIFIERS = {
    "saleslab": hookseal.Verifier("saleslab", [os.environ["SALESLAB_SIGNING_SECRET"]]),
    "salesos": hookseal.Verifier("salesos", [os.environ["SALESOS_WEBHOOK_SECRET"]]),
    "salesbooth": hookseal.Verifier("salesbooth", [os.environ["SALESBOOTH_WEBHOOK_SECRET"]]),
    # Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    "salescaling": hookseal.Verifier("salescaling", [os.environ["SALESCALING_TOKEN"]]),
}

# Deliveries already processed, by idempotency key. In production: a table with a unique
# key (INSERT … ON CONFLICT DO NOTHING), so that it survives restarts and is shared.
processed: set = set()
processed_lock = threading.Lock()

app = flask.Flask(__name__)


def receiver(provider: str, verifier: hookseal.Verifier):
    @verify_webhook(verifier)
    def receive():
        event = flask.g.webhook
        key = f"{provider}:{event.idempotency_key}"
        with processed_lock:
            duplicate = key in processed
            processed.add(key)
        if duplicate:
            return {"received": True, "duplicate": True}
        app.logger.info("%s %s %s", provider, event.kind, event.event_id)
        return {"received": True, "duplicate": False}

    return receive


for name, verifier in VERIFIERS.items():
    app.add_url_rule(f"/{name}", endpoint=name, view_func=receiver(name, verifier), methods=["POST"])

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "3000")))
