"""The standard-webhooks case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# standard-webhooks: webhook-id, webhook-timestamp, webhook-signature: v1,<base64>
# ---------------------------------------------------------------------------

SW_SECRET = WHSEC  # whsec_ + base64; the key is the decoded bytes
SW_KEY = WHSEC_DECODED
SW_ID = "msg_2Yh3kQ9vXb7LmN4pR8sT1uWz"
SW_BODY = compact({"type": "invoice.paid", "timestamp": "2023-11-14T22:13:20Z",
                   "data": {"invoice_id": "inv_0042", "amount": 4200}})


def sw_sig(msg_id=SW_ID, ts=TS, b=SW_BODY, key=SW_KEY):
    return "v1," + b64(hmac256(key, msg_id.encode() + b"." + ts.encode() + b"." + b))


def cases():
    s = "standard-webhooks"

    def signed(msg_id=SW_ID, ts=TS, b=SW_BODY, sig=None):
        return [["webhook-id", msg_id], ["webhook-timestamp", ts],
                ["webhook-signature", sig if sig is not None else sw_sig(msg_id, ts, b)]]

    def case(desc, headers, expect, b=SW_BODY, secrets=(SW_SECRET,), **kw):
        verify_case(s, "standard-webhooks: " + desc, list(secrets), headers, b, expect, **kw)

    # The example published with the Standard Webhooks / svix libraries.
    example = b'{"test": 2432232314}'
    case("published example (svix)",
         [["webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"], ["webhook-timestamp", "1614265330"],
          ["webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="]],
         ok(secret_index=0, timestamp=1614265330, kind=None,
            event_id="msg_p5jXN8AQM9LWM0D4loKWxJek", tenant=None,
            idempotency_key="msg_p5jXN8AQM9LWM0D4loKWxJek"),
         b=example, now=1614265330)
    case("valid: kind from the body, event id and key from the signed webhook-id", signed(),
         ok(timestamp=NOW, kind="invoice.paid", event_id=SW_ID, tenant=None, idempotency_key=SW_ID))
    case("secret without the whsec_ prefix is base64 too", signed(), ok(),
         secrets=[SW_SECRET[len("whsec_"):]])
    case("signature made with the whsec_ string as raw bytes does not match",
         signed(sig=sw_sig(key=SW_SECRET.encode())), err("signature_mismatch"))
    case("header names in mixed case",
         [["Webhook-Id", SW_ID], ["Webhook-Timestamp", TS], ["Webhook-Signature", sw_sig()]], ok())
    other = sw_sig(key=b"another key entirely")
    case("two signatures, the second matches", signed(sig=other + " " + sw_sig()), ok())
    case("runs of spaces between entries", signed(sig="  " + other + "   " + sw_sig() + " "), ok())
    # A v1a entry (Ed25519, 64 bytes) is verified by whpk_ keys only (cases/standard_webhooks_v1a.py):
    # beside whsec_ secrets it is parsed, matches none, and the v1 entry still does.
    case("a v1a entry beside a v1 one, whsec_ secrets only: the v1 entry matches",
         signed(sig="v1a," + b64(bytes(range(64))) + " " + sw_sig()), ok())
    case("a v1a entry holding 32 bytes is malformed", signed(sig="v1a," + sw_sig()[3:]),
         err("malformed_signature"))
    case("16 entries, the last matches", signed(sig=" ".join([other] * 15 + [sw_sig()])), ok())
    case("17 entries is too many, even with a match",
         signed(sig=" ".join(["v2,abc"] * 16 + [sw_sig()])), err("malformed_signature"))
    case("an entry without a comma", signed(sig=sw_sig() + " v1"), err("malformed_signature"))
    case("v1 signature without padding", signed(sig=sw_sig().rstrip("=")),
         err("malformed_signature"))
    case("v1 signature decoding to 31 bytes", signed(sig="v1," + b64(bytes(31))),
         err("malformed_signature"))
    case("v1 signature in the URL-safe alphabet",
         signed(sig="v1," + b64(b"\xfb\xff" * 16).replace("+", "-").replace("/", "_")),
         err("malformed_signature"))
    case("v1 signature in hex", signed(sig="v1," + hmac256(SW_KEY, b"x").hex()),
         err("malformed_signature"))
    case("webhook-id absent", [["webhook-timestamp", TS], ["webhook-signature", sw_sig()]],
         err("missing_signature"))
    case("webhook-id empty", signed(msg_id=" ", sig=sw_sig()), err("missing_signature"))
    case("webhook-id absent wins over a malformed signature",
         [["webhook-timestamp", TS], ["webhook-signature", "garbage"]], err("missing_signature"))
    case("webhook-signature absent", [["webhook-id", SW_ID], ["webhook-timestamp", TS]],
         err("missing_signature"))
    case("webhook-timestamp absent", [["webhook-id", SW_ID], ["webhook-signature", sw_sig()]],
         err("missing_timestamp"))
    case("webhook-timestamp with a decimal point", signed(ts="1700000000.5"),
         err("malformed_timestamp"))
    case("webhook-timestamp negative", signed(ts="-1700000000"), err("malformed_timestamp"))
    case("300 s old accepted", signed(), ok(), now=NOW + 300)
    case("301 s old rejected", signed(), err("timestamp_too_old"), now=NOW + 301)
    case("300 s in the future accepted", signed(), ok(), now=NOW - 300)
    case("301 s in the future rejected", signed(), err("timestamp_too_new"), now=NOW - 301)
    case("tolerance off: an old timestamp is accepted", signed(ts="1614265330"),
         ok(timestamp=1614265330), options={"tolerance": "off"})
    case("tolerance 30: 31 s old rejected", signed(), err("timestamp_too_old"), now=NOW + 31,
         options={"tolerance": 30})
    case("signed for another webhook-id", signed(sig=sw_sig(msg_id="msg_other")),
         err("signature_mismatch"))
    case("signed for another timestamp", signed(sig=sw_sig(ts="1700000001")),
         err("signature_mismatch"))
    case("re-serialized body", signed(), err("signature_mismatch"),
         b=SW_BODY.replace(b",", b", "))
    case("rotation: the second secret matches", signed(), ok(secret_index=1),
         secrets=["whsec_" + b64(b"old key material"), SW_SECRET])
    case("rotation: three secrets, the third matches", signed(), ok(secret_index=2),
         secrets=["whsec_" + b64(b"k1"), b64(b"k2"), SW_SECRET])
    odd = compact({"type": 3, "data": {"type": "invoice.paid"}})
    case("non-string type is ignored; the key is still the webhook-id", signed(b=odd),
         ok(kind=None, event_id=SW_ID, idempotency_key=SW_ID), b=odd)
    case("body that is not UTF-8", signed(b=NOT_UTF8),
         ok(kind=None, event_id=SW_ID, idempotency_key=SW_ID), b=NOT_UTF8)
    case("max_body one byte short", signed(), err("payload_too_large"),
         options={"max_body": len(SW_BODY) - 1})
