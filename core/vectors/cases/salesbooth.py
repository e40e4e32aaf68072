"""The salesbooth case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# salesbooth: X-Salesbooth-Signature: v1=<hex of HMAC(ts + "." + body)>
# ---------------------------------------------------------------------------

SB_SECRET = "whsec_test"
SB_DEAL = {
    "id": "evt_sb_4f3c2b1a",
    "event": "deal.created",
    "timestamp": "2023-11-14T22:13:20+00:00",
    "tenant_id": "tenant_abc123",
    "data": {"deal_id": "deal_9f8e7d", "customer_id": "cus_1a2b3c", "total": 4990,
             "currency": "EUR", "status": "pending"},
}
SB_PAYMENT = {  # the documented envelope has no id
    "event": "payment.received",
    "timestamp": "2023-11-14T22:13:20+00:00",
    "tenant_id": "tenant_abc123",
    "data": {"deal_id": "deal_9f8e7d", "amount": 4990, "currency": "EUR"},
}


def cases():
    s = "salesbooth"
    body = compact(SB_DEAL)

    def sig(ts=TS, b=body, secret=SB_SECRET):
        return "v1=" + hexmac(secret, ts.encode() + b"." + b)

    def signed(ts=TS, b=body, secret=SB_SECRET):
        return [["X-Salesbooth-Timestamp", ts], ["X-Salesbooth-Signature", sig(ts, b, secret)]]

    def case(desc, headers, expect, b=body, secrets=(SB_SECRET,), **kw):
        verify_case(s, "salesbooth: " + desc, list(secrets), headers, b, expect, **kw)

    case("deal.created with an id", signed(),
         ok(secret_index=0, timestamp=NOW, kind="deal.created", event_id="evt_sb_4f3c2b1a",
            tenant="tenant_abc123", idempotency_key="evt_sb_4f3c2b1a"))
    pay = compact(SB_PAYMENT)
    case("payment.received without an id: key is the body's SHA-256", signed(b=pay),
         ok(timestamp=NOW, kind="payment.received", event_id=None, tenant="tenant_abc123",
            idempotency_key=sha256_hex(pay)), b=pay)
    case("lowercase header names, values padded with spaces and tabs",
         [["x-salesbooth-timestamp", "  " + TS + "\t"], ["x-salesbooth-signature", "\t" + sig() + " "]],
         ok(timestamp=NOW))
    case("uppercase hex", [["X-Salesbooth-Timestamp", TS],
                           ["X-Salesbooth-Signature", "v1=" + sig()[3:].upper()]], ok())

    # Tolerance, default 300 s, both ways; exactly the tolerance is accepted.
    case("default tolerance: 300 s old accepted", signed(), ok(timestamp=NOW), now=NOW + 300)
    case("default tolerance: 301 s old rejected", signed(), err("timestamp_too_old"), now=NOW + 301)
    case("default tolerance: 300 s in the future accepted", signed(), ok(timestamp=NOW),
         now=NOW - 300)
    case("default tolerance: 301 s in the future rejected", signed(), err("timestamp_too_new"),
         now=NOW - 301)
    case("tolerance 60: 60 s old accepted", signed(), ok(), now=NOW + 60, options={"tolerance": 60})
    case("tolerance 60: 61 s old rejected", signed(), err("timestamp_too_old"), now=NOW + 61,
         options={"tolerance": 60})
    case("tolerance 60: 61 s in the future rejected", signed(), err("timestamp_too_new"),
         now=NOW - 61, options={"tolerance": 60})
    case("tolerance 600: 450 s old accepted", signed(), ok(), now=NOW + 450,
         options={"tolerance": 600})
    case("tolerance 0: same second accepted", signed(), ok(), options={"tolerance": 0})
    case("tolerance 0: one second old rejected", signed(), err("timestamp_too_old"), now=NOW + 1,
         options={"tolerance": 0})
    case("tolerance 0: one second in the future rejected", signed(), err("timestamp_too_new"),
         now=NOW - 1, options={"tolerance": 0})
    old = "1000000000"
    case("tolerance off: a timestamp 22 years old is accepted", signed(old),
         ok(timestamp=1000000000), options={"tolerance": "off"})
    case("tolerance off: a timestamp far in the future is accepted", signed("4000000000"),
         ok(timestamp=4000000000), options={"tolerance": "off"})
    case("tolerance off still checks the signature", signed(old, secret="whsec_other"),
         err("signature_mismatch"), options={"tolerance": "off"})

    # Timestamp format.
    case("timestamp header absent", [["X-Salesbooth-Signature", sig()]], err("missing_timestamp"))
    case("timestamp header empty", [["X-Salesbooth-Timestamp", " "],
                                    ["X-Salesbooth-Signature", sig()]], err("missing_timestamp"))
    for desc, ts in [("with a plus sign", "+1700000000"), ("negative", "-1"),
                     ("with an inner space", "1700 000000"), ("with a decimal point", "1700000000.0"),
                     ("of 20 digits", "17000000000000000000"), ("in hex", "0x6553f100"),
                     ("in milliseconds with a letter", "1700000000000ms"),
                     ("ISO 8601", "2023-11-14T22:13:20Z")]:
        case("timestamp " + desc, signed(ts), err("malformed_timestamp"))
    case("timestamp with a leading zero is valid and signed as sent", signed("01700000000"),
         ok(timestamp=NOW))
    case("timestamp with a leading zero, signed as an integer (zero dropped)",
         [["X-Salesbooth-Timestamp", "01700000000"], ["X-Salesbooth-Signature", sig(TS)]],
         err("signature_mismatch"))
    case("19 digits with leading zeros is a valid, current timestamp", signed("0000000001700000000"),
         ok(timestamp=NOW))
    case("19 nines: valid format, then too new (no overflow)", signed("9999999999999999999"),
         err("timestamp_too_new"))
    case("timestamp 0 is valid and too old", signed("0"), err("timestamp_too_old"))

    # Order of checks.
    case("missing signature wins over missing timestamp", [], err("missing_signature"))
    case("malformed signature wins over missing timestamp", [["X-Salesbooth-Signature", "v1=zz"]],
         err("malformed_signature"))
    case("malformed signature wins over malformed timestamp",
         [["X-Salesbooth-Timestamp", "-1"], ["X-Salesbooth-Signature", "v1=" + "a" * 63]],
         err("malformed_signature"))
    case("missing timestamp wins over a wrong signature",
         [["X-Salesbooth-Signature", sig(secret="whsec_other")]], err("missing_timestamp"))
    case("too old wins over a wrong signature", signed(secret="whsec_other"),
         err("timestamp_too_old"), now=NOW + 301)
    case("payload_too_large wins over a malformed timestamp", signed("abc"),
         err("payload_too_large"), options={"max_body": 16})

    # Signature format and value.
    case("sha256= prefix is not this scheme's",
         [["X-Salesbooth-Timestamp", TS], ["X-Salesbooth-Signature", "sha256=" + sig()[3:]]],
         err("malformed_signature"))
    case("V1= in uppercase", [["X-Salesbooth-Timestamp", TS],
                              ["X-Salesbooth-Signature", "V1=" + sig()[3:]]],
         err("malformed_signature"))
    case("two signatures in one header",
         [["X-Salesbooth-Timestamp", TS],
          ["X-Salesbooth-Signature", sig(secret="whsec_other") + "," + sig()]],
         err("malformed_signature"))
    case("signature over the body alone (no timestamp)",
         [["X-Salesbooth-Timestamp", TS], ["X-Salesbooth-Signature", "v1=" + hexmac(SB_SECRET, body)]],
         err("signature_mismatch"))
    case("signed for another timestamp", [["X-Salesbooth-Timestamp", TS],
                                          ["X-Salesbooth-Signature", sig("1700000001")]],
         err("signature_mismatch"))
    case("re-serialized body", signed(), err("signature_mismatch"), b=pretty(SB_DEAL))
    case("signed with the secret plus a trailing space", signed(secret=SB_SECRET + " "),
         err("signature_mismatch"))
    case("whsec_ secret is used as raw bytes", signed(secret=WHSEC), ok(), secrets=[WHSEC])
    case("rotation: the second secret matches", signed(), ok(secret_index=1),
         secrets=["whsec_old", SB_SECRET])
    case("rotation: three secrets, the third matches", signed(), ok(secret_index=2),
         secrets=["whsec_old1", "whsec_old2", SB_SECRET])

    # Envelope.
    odd = compact({"id": 7, "event": {"name": "deal.created"}, "tenant_id": 123, "data": {}})
    case("non-string envelope fields are ignored", signed(b=odd),
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(odd)), b=odd)
    array = compact([SB_DEAL])
    case("JSON array body", signed(b=array),
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(array)), b=array)
    case("body that is not UTF-8", signed(b=NOT_UTF8),
         ok(kind=None, idempotency_key=sha256_hex(NOT_UTF8)), b=NOT_UTF8)
    case("empty body", signed(b=b""), ok(idempotency_key=sha256_hex(b"")), b=b"")
