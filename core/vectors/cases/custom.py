"""The custom case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# custom: a configurable HMAC (header, prefix, encoding, content, ...)
# ---------------------------------------------------------------------------

CU_SECRET = "cu_secret_0f1e2d3c4b5a"
CU_BODY = compact({"type": "meeting.completed", "event": "ignored.when.type.present",
                   "id": "evt_cu_001", "companyId": "cmp_1"})
CU_ID = "dlv_0001"


def cu_mac(content, secret=CU_SECRET):
    return hmac256(secret.encode(), content)


def cases():
    s = "custom"
    body = CU_BODY

    def case(desc, headers, expect, b=body, secrets=(CU_SECRET,), options=None, **kw):
        verify_case(s, "custom: " + desc, list(secrets), headers, b, expect, options=options, **kw)

    body_hex = {"header": "x-webhook-signature", "prefix": "sha256="}
    sig = "sha256=" + cu_mac(body).hex()
    case("body/hex with a sha256= prefix", [["X-Webhook-Signature", sig]],
         ok(secret_index=0, timestamp=None, kind="meeting.completed", event_id="evt_cu_001",
            tenant=None, idempotency_key="evt_cu_001"), options=body_hex)
    case("prefix matched case-sensitively", [["x-webhook-signature", sig.upper()]],
         err("malformed_signature"), options=body_hex)
    case("prefix required", [["x-webhook-signature", cu_mac(body).hex()]],
         err("malformed_signature"), options=body_hex)
    case("hex: 63 digits", [["x-webhook-signature", sig[:-1]]], err("malformed_signature"),
         options=body_hex)
    case("hex: base64 digest when hex is configured",
         [["x-webhook-signature", "sha256=" + b64(cu_mac(body))]], err("malformed_signature"),
         options=body_hex)
    case("one signature per header", [["x-webhook-signature", sig + "," + sig]],
         err("malformed_signature"), options=body_hex)
    case("missing header", [["x-signature", sig]], err("missing_signature"), options=body_hex)
    case("wrong secret", [["x-webhook-signature", "sha256=" + cu_mac(body, "other").hex()]],
         err("signature_mismatch"), options=body_hex)
    case("rotation: the second secret matches", [["x-webhook-signature", sig]], ok(secret_index=1),
         secrets=["cu_old", CU_SECRET], options=body_hex)
    case("header option in mixed case matches any case",
         [["x-WEBHOOK-signature", cu_mac(body).hex()]], ok(), options={"header": "X-Webhook-Signature"})
    event_only = compact({"event": "note.created", "id": 5})
    case("kind falls back to event; a non-string id is ignored",
         [["x-sig", cu_mac(event_only).hex()]],
         ok(kind="note.created", event_id=None, idempotency_key=sha256_hex(event_only)),
         b=event_only, options={"header": "x-sig"})

    body_b64 = {"header": "x-sig", "encoding": "base64"}
    case("body/base64", [["x-sig", b64(cu_mac(body))]], ok(), options=body_b64)
    case("base64 without padding", [["x-sig", b64(cu_mac(body)).rstrip("=")]],
         err("malformed_signature"), options=body_b64)
    case("base64 of 31 bytes", [["x-sig", b64(cu_mac(body)[:31])]], err("malformed_signature"),
         options=body_b64)
    case("hex when base64 is configured", [["x-sig", cu_mac(body).hex()]],
         err("malformed_signature"), options=body_b64)

    ts_hex = {"header": "x-sig", "content": "ts.body", "timestamp_header": "x-sig-timestamp",
              "tolerance": 120}

    def ts_sig(ts=TS, b=body):
        return cu_mac(ts.encode() + b"." + b).hex()

    signed = [["x-sig-timestamp", TS], ["x-sig", ts_sig()]]
    case("ts.body/hex", signed, ok(timestamp=NOW, event_id="evt_cu_001",
                                   idempotency_key="evt_cu_001"), options=ts_hex)
    case("ts.body: tolerance 120, 120 s old accepted", signed, ok(), now=NOW + 120, options=ts_hex)
    case("ts.body: tolerance 120, 121 s old rejected", signed, err("timestamp_too_old"),
         now=NOW + 121, options=ts_hex)
    case("ts.body: tolerance 120, 121 s in the future rejected", signed, err("timestamp_too_new"),
         now=NOW - 121, options=ts_hex)
    no_tol = {k: v for k, v in ts_hex.items() if k != "tolerance"}
    case("ts.body: default tolerance 300, 301 s old rejected", signed, err("timestamp_too_old"),
         now=NOW + 301, options=no_tol)
    case("ts.body: tolerance off", [["x-sig-timestamp", "1000000000"], ["x-sig", ts_sig("1000000000")]],
         ok(timestamp=1000000000), options=dict(no_tol, tolerance="off"))
    case("ts.body: timestamp header absent", [["x-sig", ts_sig()]], err("missing_timestamp"),
         options=ts_hex)
    case("ts.body: timestamp with a sign", [["x-sig-timestamp", "+" + TS], ["x-sig", ts_sig()]],
         err("malformed_timestamp"), options=ts_hex)
    case("ts.body: signature over the body alone", [["x-sig-timestamp", TS], ["x-sig", cu_mac(body).hex()]],
         err("signature_mismatch"), options=ts_hex)

    id_b64 = {"header": "webhook-signature", "prefix": "v1,", "encoding": "base64",
              "content": "id.ts.body", "timestamp_header": "webhook-timestamp",
              "id_header": "webhook-id"}

    def id_sig(msg_id=CU_ID, ts=TS, b=body):
        return "v1," + b64(cu_mac(msg_id.encode() + b"." + ts.encode() + b"." + b))

    id_signed = [["webhook-id", CU_ID], ["webhook-timestamp", TS], ["webhook-signature", id_sig()]]
    case("id.ts.body/base64: event id and key from the signed id header", id_signed,
         ok(timestamp=NOW, kind="meeting.completed", event_id=CU_ID, idempotency_key=CU_ID),
         options=id_b64)
    case("id.ts.body: id header absent", id_signed[1:], err("missing_signature"), options=id_b64)
    case("id.ts.body: id header empty", [["webhook-id", "\t"]] + id_signed[1:],
         err("missing_signature"), options=id_b64)
    case("id.ts.body: signed for another id", [["webhook-id", "dlv_0002"]] + id_signed[1:],
         err("signature_mismatch"), options=id_b64)
    case("id.ts.body: timestamp absent", [id_signed[0], id_signed[2]], err("missing_timestamp"),
         options=id_b64)
    case("max_body one byte short", [["x-sig", cu_mac(body).hex()]], err("payload_too_large"),
         options={"header": "x-sig", "max_body": len(body) - 1})
