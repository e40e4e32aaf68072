"""The stripe case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# stripe: Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>...] over ts + "." + body
# ---------------------------------------------------------------------------

ST_SECRET = "whsec_stripe_3kR9wQ7zX2mV5nB8"
ST_EVENT = {
    "id": "evt_1OE3pQ2eZvKYlo2C8xYzAbCd",
    "object": "event",
    "type": "invoice.paid",
    "account": "acct_1Nv0FGQ9RKHgCVdK",
    "created": 1700000000,
    "data": {"object": {"id": "in_1OE3pP2eZvKYlo2C", "object": "invoice", "amount_paid": 4200}},
    "livemode": False,
}


def cases():
    s = "stripe"
    body = compact(ST_EVENT)

    def v1(ts=TS, b=body, secret=ST_SECRET):
        return "v1=" + hexmac(secret, ts.encode() + b"." + b)

    def hdr(value):
        return [["Stripe-Signature", value]]

    def case(desc, headers, expect, b=body, secrets=(ST_SECRET,), **kw):
        verify_case(s, "stripe: " + desc, list(secrets), headers, b, expect, **kw)

    good = "t=" + TS + "," + v1()
    case("valid, envelope from the body", hdr(good),
         ok(secret_index=0, timestamp=NOW, kind="invoice.paid", event_id=ST_EVENT["id"],
            tenant="acct_1Nv0FGQ9RKHgCVdK", idempotency_key=ST_EVENT["id"]))
    platform = compact({k: v for k, v in ST_EVENT.items() if k != "account"})
    case("no account: tenant absent", hdr("t=" + TS + "," + v1(b=platform)),
         ok(tenant=None, event_id=ST_EVENT["id"]), b=platform)
    wrong = v1(secret="whsec_other")
    case("two v1 entries, the second matches", hdr("t=" + TS + "," + wrong + "," + v1()), ok())
    case("a v0 entry is ignored", hdr("t=" + TS + ",v0=not-even-hex," + v1()), ok())
    case("items may be separated by spaces", hdr("t=" + TS + ", " + wrong + " ,\t" + v1()), ok())
    case("v1 before t", hdr(v1() + ",t=" + TS), ok())
    case("uppercase hex", hdr("t=" + TS + ",v1=" + v1()[3:].upper()), ok())
    case("16 v1 entries, the last matches", hdr("t=" + TS + "," + ",".join([wrong] * 15 + [v1()])),
         ok())
    case("17 v1 entries is malformed", hdr("t=" + TS + "," + ",".join([wrong] * 16 + [v1()])),
         err("malformed_signature"))
    case("no v1 entry, only v0", hdr("t=" + TS + ",v0=" + v1()[3:]), err("malformed_signature"))
    case("t alone", hdr("t=" + TS), err("malformed_signature"))
    case("v1 with 63 hex digits", hdr("t=" + TS + "," + v1()[:-1]), err("malformed_signature"))
    case("v1 with a non-hex character", hdr("t=" + TS + "," + v1()[:-1] + "z"),
         err("malformed_signature"))
    case("an item without =", hdr("t=" + TS + "," + v1() + ",garbage"), err("malformed_signature"))
    case("t twice (even the same value)", hdr("t=" + TS + ",t=" + TS + "," + v1()),
         err("malformed_signature"))
    case("missing t", hdr(v1()), err("missing_timestamp"))
    case("t with a plus sign", hdr("t=+" + TS + "," + v1("+" + TS)), err("malformed_timestamp"))
    case("t with a decimal point", hdr("t=" + TS + ".5," + v1()), err("malformed_timestamp"))
    case("t empty", hdr("t=," + v1()), err("malformed_timestamp"))
    case("t with a leading zero, signed as sent", hdr("t=0" + TS + "," + v1("0" + TS)),
         ok(timestamp=NOW))
    case("300 s old accepted", hdr(good), ok(), now=NOW + 300)
    case("301 s old rejected", hdr(good), err("timestamp_too_old"), now=NOW + 301)
    case("300 s in the future accepted", hdr(good), ok(), now=NOW - 300)
    case("301 s in the future rejected", hdr(good), err("timestamp_too_new"), now=NOW - 301)
    case("tolerance 600: 600 s old accepted", hdr(good), ok(), now=NOW + 600,
         options={"tolerance": 600})
    case("tolerance off: a year-old event is accepted", hdr(good), ok(), now=NOW + 31536000,
         options={"tolerance": "off"})
    case("too old wins over a wrong signature", hdr("t=" + TS + "," + wrong),
         err("timestamp_too_old"), now=NOW + 301)
    case("missing header", [["content-type", "application/json"]], err("missing_signature"))
    case("empty header", hdr("  "), err("missing_signature"))
    case("wrong secret", hdr("t=" + TS + "," + wrong), err("signature_mismatch"))
    case("signed for another timestamp", hdr("t=" + TS + "," + v1("1700000001")),
         err("signature_mismatch"))
    case("re-serialized body", hdr(good), err("signature_mismatch"), b=pretty(ST_EVENT))
    case("whsec_ secret is used as raw bytes", hdr("t=" + TS + "," + v1(secret=WHSEC)), ok(),
         secrets=[WHSEC])
    case("signature made with the base64-decoded whsec_ key does not match",
         hdr("t=" + TS + ",v1=" + hmac256(WHSEC_DECODED, TS.encode() + b"." + body).hex()),
         err("signature_mismatch"), secrets=[WHSEC])
    case("rotation: the second secret matches the first v1 entry",
         hdr("t=" + TS + "," + v1() + "," + wrong), ok(secret_index=1),
         secrets=["whsec_rolled_off", ST_SECRET])
    odd = compact({"id": None, "type": 12, "account": {"id": "acct_1"}})
    case("non-string id, type and account are ignored", hdr("t=" + TS + "," + v1(b=odd)),
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(odd)), b=odd)
    case("max_body one byte short", hdr(good), err("payload_too_large"),
         options={"max_body": len(body) - 1})
