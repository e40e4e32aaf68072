"""A Flask receiver for many customers of one provider: each tenant signs with its own
Salesbooth secret, and the URL names the tenant (``POST /hooks/salesbooth/<tenant>``).

The secrets live in a JSON file (``TENANT_SECRETS``: ``{"acme": ["whsec_…"], …}``, a
secret may be ``{"secret": "whsec_…", "not_after": 1767225600}`` while it retires), read
by the resolver when a tenant's verifier is built. A tenant's verifier is kept for
``TENANT_CACHE_TTL`` seconds (default 300): edit the file to rotate a secret, and the
receiver picks it up within that time, without a restart.

- a tenant the file does not know is answered 404 ``unknown_tenant``;
- a file that cannot be read is answered 503 ``secrets_unavailable`` with
  ``Retry-After: 5``: the provider retries, nothing is lost;
- each delivery is processed once per tenant (the claim key holds the tenant);
- ``HOOKSEAL_EXPLAIN=1`` (development only) adds the diagnosis to each rejection;
- with ``opentelemetry-sdk`` set up by the app (``hookseal[otel]``), the verifications,
  their duration, the timestamp skew and the duplicates are recorded.

    TENANT_SECRETS=tenants.json flask --app tenants run --port 3000
"""

import json
import os

import flask

from hookseal.flask import verify_webhook
from hookseal.stores import MemoryStore

SECRETS_FILE = os.environ.get("TENANT_SECRETS", "tenants.json")


def tenant_secrets(tenant):
    """The tenant's secrets, or None for a tenant nobody set up (404). An error reading
    the file (it is being replaced, the volume is gone) is a 503 the provider retries."""
    with open(SECRETS_FILE, encoding="utf-8") as f:
        return json.load(f).get(tenant)


app = flask.Flask(__name__)


@app.post("/hooks/salesbooth/<tenant>")
@verify_webhook(
    "salesbooth",
    tenant=lambda request: request.view_args["tenant"],
    secrets=tenant_secrets,
    tenant_cache={"ttl": float(os.environ.get("TENANT_CACHE_TTL", "300"))},
    store=MemoryStore(),
)
def salesbooth(tenant):
    event = flask.g.webhook
    app.logger.info("salesbooth: %s for tenant %s", event.kind, flask.g.webhook_tenant)
    return {"received": True, "tenant": flask.g.webhook_tenant}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "3000")), threaded=True)
