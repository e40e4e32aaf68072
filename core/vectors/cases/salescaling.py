"""The salescaling case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# salescaling: a shared token in a configured header (default Authorization: Bearer)
# ---------------------------------------------------------------------------

SC_TOKEN = "sc_tok_3b9f1c7e2d4a"
SC_MEETING = {
    "event": "meeting_status_changed",
    "status": "meeting_summary_done",
    "meetingId": "mtg_5e6f7a8b",
    "companyId": "cmp_12ab34cd",
    "updatedAt": "2023-11-14T22:13:20.000Z",
}
SC_SIGNAL = {
    "type": "commercial_signal_detected",
    "code": "buying_intent",
    "description": "The prospect asked for a quote for 40 seats.",
    "contactId": "ct_9a8b7c",
    "companyId": "cmp_12ab34cd",
    "category": "positive",
    "activityType": "meeting",
    "activityId": "mtg_5e6f7a8b",
    "evidence": ["Can you send us a quote for 40 seats?"],
    "changeType": "new",
}


def cases():
    s = "salescaling"
    body = compact(SC_MEETING)

    def case(desc, headers, expect, b=body, secrets=(SC_TOKEN,), **kw):
        verify_case(s, "salescaling: " + desc, list(secrets), headers, b, expect, **kw)

    bearer = [["Authorization", "Bearer " + SC_TOKEN]]
    case("default Authorization: Bearer token",
         [["Content-Type", "application/json"]] + bearer,
         ok(secret_index=0, timestamp=None, kind="meeting_status_changed", event_id=None,
            tenant="cmp_12ab34cd", idempotency_key=sha256_hex(body)))
    sig_body = compact(SC_SIGNAL)
    case("commercial signal: kind from type", bearer,
         ok(kind="commercial_signal_detected", tenant="cmp_12ab34cd"), b=sig_body)
    both = compact({"event": "meeting_note_status_changed", "type": "ignored", "companyId": 5})
    case("event wins over type; a non-string companyId is ignored", bearer,
         ok(kind="meeting_note_status_changed", tenant=None), b=both)
    case("prefix matched case-insensitively: bearer", [["authorization", "bearer " + SC_TOKEN]], ok())
    case("prefix matched case-insensitively: BEARER", [["AUTHORIZATION", "BEARER " + SC_TOKEN]], ok())
    case("value padded with spaces and tabs", [["authorization", " \tBearer " + SC_TOKEN + " "]], ok())
    case("missing Authorization", [["content-type", "application/json"]], err("missing_signature"))
    case("empty Authorization", [["authorization", ""]], err("missing_signature"))
    case("token without the Bearer prefix", [["authorization", SC_TOKEN]], err("malformed_signature"))
    case("Basic instead of Bearer", [["authorization", "Basic " + SC_TOKEN]],
         err("malformed_signature"))
    case("empty token after the prefix", [["authorization", "Bearer "]], err("malformed_signature"))
    case("wrong token of the same length",
         [["authorization", "Bearer " + SC_TOKEN[:-1] + ("0" if SC_TOKEN[-1] != "0" else "1")]],
         err("signature_mismatch"))
    case("wrong token of a different length", [["authorization", "Bearer " + SC_TOKEN + "x"]],
         err("signature_mismatch"))
    case("token is case-sensitive", [["authorization", "Bearer " + SC_TOKEN.upper()]],
         err("signature_mismatch"))
    case("rotation: the second token matches", bearer, ok(secret_index=1),
         secrets=["sc_tok_old", SC_TOKEN])
    case("rotation: three tokens, the third matches", bearer, ok(secret_index=2),
         secrets=["sc_tok_a", "sc_tok_b", SC_TOKEN])
    case("repeated Authorization: joined, so no token matches",
         [["authorization", "Bearer wrong"], ["authorization", "Bearer " + SC_TOKEN]],
         err("signature_mismatch"))
    case("repeated Authorization with the right token twice: joined, no match",
         [["authorization", "Bearer " + SC_TOKEN], ["authorization", "Bearer " + SC_TOKEN]],
         err("signature_mismatch"))

    custom = {"header": "x-webhook-token"}
    case("custom header: no prefix by default", [["X-Webhook-Token", SC_TOKEN]], ok(),
         options=custom)
    case("custom header: a Bearer prefix is then part of the token",
         [["x-webhook-token", "Bearer " + SC_TOKEN]], err("signature_mismatch"), options=custom)
    case("custom header: Authorization is ignored", bearer, err("missing_signature"),
         options=custom)
    case("custom header with prefix Token", [["x-api-key", "Token " + SC_TOKEN]], ok(),
         options={"header": "x-api-key", "prefix": "Token "})
    case("custom prefix matched case-insensitively", [["x-api-key", "tOKEN " + SC_TOKEN]], ok(),
         options={"header": "x-api-key", "prefix": "Token "})
    case("custom header: prefix required when set", [["x-api-key", SC_TOKEN]],
         err("malformed_signature"), options={"header": "x-api-key", "prefix": "Token "})
    case("Authorization with an empty prefix: the raw token", [["authorization", SC_TOKEN]], ok(),
         options={"header": "authorization", "prefix": ""})

    case("JSON array body", bearer, ok(kind=None, tenant=None), b=compact([SC_MEETING]))
    case("body that is not UTF-8", bearer, ok(kind=None, idempotency_key=sha256_hex(NOT_UTF8)),
         b=NOT_UTF8)
    case("max_body exactly the body length", bearer, ok(), options={"max_body": len(body)})
    case("max_body one byte short", bearer, err("payload_too_large"),
         options={"max_body": len(body) - 1})
    case("payload_too_large wins over a missing token", [], err("payload_too_large"),
         options={"max_body": 10})
