"""The salesos case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# salesos: X-SalesOS-Signature: sha256=<hex of HMAC(body)>
# ---------------------------------------------------------------------------

SO_SECRET = "whsec_your_secret_key_here"
SO_DEAL_WON = {
    "id": "evt_abc123def456",
    "type": "deal.won",
    "created_at": "2023-11-14T22:13:20Z",
    "data": {
        "id": "880e8400-e29b-41d4-a716-446655440000",
        "name": "Tech Corp - Enterprise License",
        "value": 82000,
        "stage": "Closed Won",
        "owner_id": "660e8400-e29b-41d4-a716-446655440001",
        "previous_stage": "Negotiation",
    },
}
SO_LEAD = {
    "id": "evt_7f8e9d0c1b2a",
    "type": "lead.created",
    "created_at": "2023-11-14T22:10:00Z",
    "data": {"id": "lead_01", "name": "Ana Souza", "source": "website"},
}


def cases():
    s = "salesos"
    body = compact(SO_DEAL_WON)

    def sig(b=body, secret=SO_SECRET):
        return "sha256=" + hexmac(secret, b)

    def case(desc, headers, expect, b=body, secrets=(SO_SECRET,), **kw):
        verify_case(s, "salesos: " + desc, list(secrets), headers, b, expect, **kw)

    case("deal.won, envelope from the body",
         [["Content-Type", "application/json"], ["X-SalesOS-Signature", sig()]],
         ok(secret_index=0, timestamp=None, kind="deal.won", event_id="evt_abc123def456",
            tenant=None, idempotency_key="evt_abc123def456"))
    lead = pretty(SO_LEAD)
    case("lead.created, pretty-printed body", [["x-salesos-signature", sig(lead)]],
         ok(kind="lead.created", event_id="evt_7f8e9d0c1b2a"), b=lead)
    case("uppercase hex", [["x-salesos-signature", sig().upper().replace("SHA256=", "sha256=")]],
         ok())
    case("whsec_ secret is used as raw bytes", [["x-salesos-signature", sig(secret=WHSEC)]],
         ok(), secrets=[WHSEC])
    case("signature made with the base64-decoded whsec_ key does not match",
         [["x-salesos-signature", "sha256=" + hmac256(WHSEC_DECODED, body).hex()]],
         err("signature_mismatch"), secrets=[WHSEC])
    case("missing signature", [["content-type", "application/json"]], err("missing_signature"))
    case("empty signature", [["x-salesos-signature", "\t"]], err("missing_signature"))
    case("v1= prefix is not this scheme's", [["x-salesos-signature", "v1=" + hexmac(SO_SECRET, body)]],
         err("malformed_signature"))
    case("65 hex digits", [["x-salesos-signature", sig() + "0"]], err("malformed_signature"))
    case("wrong secret", [["x-salesos-signature", sig(secret="whsec_wrong")]],
         err("signature_mismatch"))
    case("secret with a trailing newline does not match",
         [["x-salesos-signature", sig(secret=SO_SECRET + "\n")]], err("signature_mismatch"))
    case("re-serialized body", [["x-salesos-signature", sig()]], err("signature_mismatch"),
         b=pretty(SO_DEAL_WON))
    case("rotation: the second secret matches", [["x-salesos-signature", sig()]],
         ok(secret_index=1), secrets=["whsec_previous", SO_SECRET])
    no_id = compact({"type": "deal.lost", "created_at": "2023-11-14T22:13:20Z", "data": {}})
    case("body without id: key is the body's SHA-256", [["x-salesos-signature", sig(no_id)]],
         ok(kind="deal.lost", event_id=None, idempotency_key=sha256_hex(no_id)), b=no_id)
    numeric = compact({"id": 42, "type": ["deal.won"], "data": {}})
    case("non-string id and type are ignored", [["x-salesos-signature", sig(numeric)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(numeric)), b=numeric)
    nested = compact({"data": {"id": "evt_nested", "type": "deal.won"}})
    case("id and type nested in data are not top-level", [["x-salesos-signature", sig(nested)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(nested)), b=nested)
    array = compact([SO_DEAL_WON])
    case("JSON array body", [["x-salesos-signature", sig(array)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(array)), b=array)
    case("body that is not UTF-8", [["x-salesos-signature", sig(NOT_UTF8)]],
         ok(kind=None, idempotency_key=sha256_hex(NOT_UTF8)), b=NOT_UTF8)
    case("max_body exactly the body length", [["x-salesos-signature", sig()]], ok(),
         options={"max_body": len(body)})
    case("max_body one byte short", [["x-salesos-signature", sig()]], err("payload_too_large"),
         options={"max_body": len(body) - 1})
