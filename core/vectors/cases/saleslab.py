"""The saleslab case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# saleslab: x-saleslab-signature: sha256=<hex of HMAC(body)>
# ---------------------------------------------------------------------------

SL_SECRET = "sl_whsec_5d41402abc4b2a76b9719d911017c592"
SL_SESSION = {
    "event_kind": "session.completed",
    "company_id": "0b9c5f5e-6d3a-4d8e-9a51-2f4c8e7d1a10",
    "session": {
        "id": "7c3f1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b",
        "user_id": "5f2d8c1b-3a4e-4f6a-9b7c-8d0e1f2a3b4c",
        "scenario_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
        "ended_at": "2023-11-14T22:13:20.123Z",
    },
    "delivery_id": "session.completed:7c3f1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b:sub_9e",
}
SL_SCORECARD = {
    "event_kind": "session.scorecard_finalized",
    "company_id": "0b9c5f5e-6d3a-4d8e-9a51-2f4c8e7d1a10",
    "session_id": "7c3f1e2a-4b5d-4e6f-8a9b-0c1d2e3f4a5b",
    "user_id": "5f2d8c1b-3a4e-4f6a-9b7c-8d0e1f2a3b4c",
    "scorecard": {
        "id": "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b",
        "overall_score": 87,
        "verdict": "pass",
        "headline": "Strong discovery, clean close — très bien.",
        "category_scores": {"discovery": 9, "objection_handling": 8},
    },
    "delivery_id": "scorecard.finalized:9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b:sub_9e",
}


def cases():
    s = "saleslab"
    body = compact(SL_SESSION)

    def sig(b=body, secret=SL_SECRET):
        return "sha256=" + hexmac(secret, b)

    def case(desc, headers, expect, b=body, secrets=(SL_SECRET,), **kw):
        verify_case(s, "saleslab: " + desc, list(secrets), headers, b, expect, **kw)

    delivery = [["content-type", "application/json"],
                ["user-agent", "sales-lab-webhooks/1"],
                ["x-saleslab-event", "session.completed"],
                ["x-saleslab-delivery-id", SL_SESSION["delivery_id"]]]

    # Happy paths, envelope from the signed body.
    case("valid signature, envelope from the body", delivery + [["x-saleslab-signature", sig()]],
         ok(secret_index=0, timestamp=None, kind="session.completed",
            event_id=SL_SESSION["delivery_id"], tenant=SL_SESSION["company_id"],
            idempotency_key=SL_SESSION["delivery_id"]))
    sc = compact(SL_SCORECARD)
    case("scorecard_finalized with non-ASCII UTF-8 in the body",
         [["x-saleslab-signature", sig(sc)]], ok(kind="session.scorecard_finalized",
                                                  idempotency_key=SL_SCORECARD["delivery_id"]), b=sc)
    h = hexmac(SL_SECRET, body)
    case("uppercase hex accepted", [["x-saleslab-signature", "sha256=" + h.upper()]], ok())
    mixed = "".join(c.upper() if i % 2 else c for i, c in enumerate(h))
    case("mixed-case hex accepted", [["x-saleslab-signature", "sha256=" + mixed]], ok())
    case("spaces and tabs around the value are trimmed",
         [["x-saleslab-signature", " \t " + sig() + "\t  "]], ok())
    case("header name in uppercase", [["X-SALESLAB-SIGNATURE", sig()]], ok())
    case("header name in mixed case", [["X-SalesLab-Signature", sig()]], ok())
    case("repeated header: joined, so two signatures are malformed",
         [["x-saleslab-signature", sig()], ["x-saleslab-signature", "sha256=" + bad_hex("x")]],
         err("malformed_signature"))
    case("repeated header: the same valid signature twice is malformed",
         [["x-saleslab-signature", sig()], ["x-saleslab-signature", sig()]],
         err("malformed_signature"))
    case("repeated header in different case: joined too",
         [["X-Saleslab-Signature", "sha256=" + bad_hex("y")], ["x-saleslab-signature", sig()]],
         err("malformed_signature"))
    case("repeated header joined by a WSGI server (comma, no space): malformed",
         [["x-saleslab-signature", sig() + "," + sig()]], err("malformed_signature"))
    case("repeated header joined by Fetch (comma and space): malformed",
         [["x-saleslab-signature", sig() + ", " + sig()]], err("malformed_signature"))
    case("a repeat that is empty still joins: malformed",
         [["x-saleslab-signature", ""], ["x-saleslab-signature", sig()]], err("malformed_signature"))

    # Step 2: missing.
    case("no signature header", delivery, err("missing_signature"))
    case("empty signature header", [["x-saleslab-signature", ""]], err("missing_signature"))
    case("signature header of spaces and tabs only", [["x-saleslab-signature", " \t "]],
         err("missing_signature"))
    case("only the similarly named github header", [["x-hub-signature-256", sig()]],
         err("missing_signature"))

    # Step 3: malformed.
    case("63 hex digits", [["x-saleslab-signature", sig()[:-1]]], err("malformed_signature"))
    case("65 hex digits", [["x-saleslab-signature", sig() + "a"]], err("malformed_signature"))
    case("a non-hex character", [["x-saleslab-signature", sig()[:-1] + "g"]],
         err("malformed_signature"))
    case("empty value after the prefix", [["x-saleslab-signature", "sha256="]],
         err("malformed_signature"))
    case("wrong prefix sha1=", [["x-saleslab-signature", "sha1=" + h]], err("malformed_signature"))
    case("prefix in uppercase SHA256=", [["x-saleslab-signature", "SHA256=" + h]],
         err("malformed_signature"))
    case("bare hex without the prefix", [["x-saleslab-signature", h]], err("malformed_signature"))
    case("a space between prefix and digest", [["x-saleslab-signature", "sha256= " + h]],
         err("malformed_signature"))
    case("a trailing CR is not trimmed", [["x-saleslab-signature", sig() + "\r"]],
         err("malformed_signature"))
    case("an embedded NUL", [["x-saleslab-signature", "sha256=" + h[:32] + "\x00" + h[33:]]],
         err("malformed_signature"))
    case("digest given in base64", [["x-saleslab-signature",
                                     "sha256=" + b64(hmac256(SL_SECRET.encode(), body))]],
         err("malformed_signature"))

    # Step 7: mismatch.
    case("wrong secret", [["x-saleslab-signature", sig(secret="some_other_secret")]],
         err("signature_mismatch"))
    case("re-serialized body (same JSON, different bytes)",
         [["x-saleslab-signature", sig(compact(SL_SESSION))]], err("signature_mismatch"),
         b=pretty(SL_SESSION))
    case("signed with the secret plus a trailing newline",
         [["x-saleslab-signature", sig(secret=SL_SECRET + "\n")]], err("signature_mismatch"))
    case("signed with the secret plus a trailing space",
         [["x-saleslab-signature", sig(secret=SL_SECRET + " ")]], err("signature_mismatch"))
    case("well-formed digest of nothing", [["x-saleslab-signature", "sha256=" + "0" * 64]],
         err("signature_mismatch"))

    # Rotation.
    case("rotation: the second secret matches", [["x-saleslab-signature", sig()]],
         ok(secret_index=1), secrets=["sl_old_secret", SL_SECRET])
    case("rotation: three secrets, the third matches", [["x-saleslab-signature", sig()]],
         ok(secret_index=2), secrets=["sl_old_1", "sl_old_2", SL_SECRET])
    case("rotation: the same secret twice reports the first",
         [["x-saleslab-signature", sig()]], ok(secret_index=0), secrets=[SL_SECRET, SL_SECRET])
    case("rotation: no secret matches", [["x-saleslab-signature", sig()]],
         err("signature_mismatch"), secrets=["sl_old_1", "sl_old_2"])

    # Raw bytes.
    case("body that is not UTF-8", [["x-saleslab-signature", sig(NOT_UTF8)]],
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(NOT_UTF8)),
         b=NOT_UTF8)
    case("empty body", [["x-saleslab-signature", sig(b"")]],
         ok(kind=None, idempotency_key=sha256_hex(b"")), b=b"")
    case("CRLF line endings are part of the signed bytes",
         [["x-saleslab-signature", sig(CRLF_BODY)]], ok(kind="session.completed", tenant="c_1"),
         b=CRLF_BODY)
    case("CRLF body signed, LF body sent",
         [["x-saleslab-signature", sig(CRLF_BODY)]], err("signature_mismatch"),
         b=CRLF_BODY.replace(b"\r\n", b"\n"))

    # Envelope.
    no_fields = compact({"company_id": "c_42", "session": {"id": "s_1"}})
    case("body lacks event_kind and delivery_id: kind and event id from headers, key from body",
         delivery + [["x-saleslab-signature", sig(no_fields)]],
         ok(kind="session.completed", event_id=SL_SESSION["delivery_id"], tenant="c_42",
            idempotency_key=sha256_hex(no_fields)), b=no_fields)
    case("non-JSON body: kind and event id from headers, key from body",
         [["x-saleslab-event", "  badge.awarded\t"], ["x-saleslab-delivery-id", "badge:1:sub_9e"],
          ["x-saleslab-signature", sig(NOT_JSON)]],
         ok(kind="badge.awarded", event_id="badge:1:sub_9e", tenant=None,
            idempotency_key=sha256_hex(NOT_JSON)), b=NOT_JSON)
    case("body fields win over differing headers",
         [["x-saleslab-event", "spoofed.kind"], ["x-saleslab-delivery-id", "spoofed:id"],
          ["x-saleslab-signature", sig()]],
         ok(kind="session.completed", event_id=SL_SESSION["delivery_id"],
            idempotency_key=SL_SESSION["delivery_id"]))
    non_string = compact({"event_kind": 7, "company_id": None, "delivery_id": 12345,
                          "session": {"id": "s_1"}})
    case("non-string body fields are ignored",
         [["x-saleslab-signature", sig(non_string)]],
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(non_string)),
         b=non_string)
    case("non-string body fields fall back to the unsigned headers",
         delivery + [["x-saleslab-signature", sig(non_string)]],
         ok(kind="session.completed", event_id=SL_SESSION["delivery_id"], tenant=None,
            idempotency_key=sha256_hex(non_string)), b=non_string)
    nested = compact({"session": {"event_kind": "session.completed", "company_id": "c_1",
                                  "delivery_id": "d_1"}})
    case("fields nested in an object are not top-level",
         [["x-saleslab-signature", sig(nested)]],
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(nested)), b=nested)
    array = compact([SL_SESSION])
    case("a JSON array body has no envelope", [["x-saleslab-signature", sig(array)]],
         ok(kind=None, event_id=None, tenant=None, idempotency_key=sha256_hex(array)), b=array)
    escaped = b'  {"event_kind":"session\\u002ecompleted","delivery_id":"d\\u00e9l_1"}\n'
    case("JSON escapes are decoded; surrounding whitespace is fine",
         [["x-saleslab-signature", sig(escaped)]],
         ok(kind="session.completed", event_id="d\u00e9l_1", idempotency_key="d\u00e9l_1"),
         b=escaped)

    # Step 1: body size.
    small = b"x" * 64
    case("max_body 64, body of exactly 64 bytes", [["x-saleslab-signature", sig(small)]],
         ok(), b=small, options={"max_body": 64})
    case("max_body 64, body of 65 bytes", [["x-saleslab-signature", sig(small + b"x")]],
         err("payload_too_large"), b=small + b"x", options={"max_body": 64})
    case("payload_too_large wins over a missing signature", [], err("payload_too_large"),
         b=small + b"x", options={"max_body": 64})
    case("payload_too_large wins over a malformed signature",
         [["x-saleslab-signature", "sha1=abc"]], err("payload_too_large"), b=small + b"x",
         options={"max_body": 64})
    # The default limit, once: exactly 1 MiB passes, one byte more does not.
    mib = b"a" * MIB
    case("default max_body: exactly 1 MiB accepted", [["x-saleslab-signature", sig(mib)]],
         ok(idempotency_key=sha256_hex(mib)), b=mib)
    case("default max_body: 1 MiB + 1 rejected", [["x-saleslab-signature", sig(mib + b"a")]],
         err("payload_too_large"), b=mib + b"a")
