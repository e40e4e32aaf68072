"""The example case set: the scheme that shows what adding one takes. Its file lives in
core/vectors/example/, out of the shared set, because only a core built with the
`example-scheme` feature knows the scheme."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# example: X-Example-Signature: v1=<hex of HMAC(ts + "." + body)>, X-Example-Timestamp
# ---------------------------------------------------------------------------

EX_SECRET = "ex_secret"
EX_EVENT = {"id": "evt_ex_1", "type": "order.paid", "account_id": "acct_7", "data": {}}
FILE = "example/example.json"


def cases():
    s = "example"
    body = compact(EX_EVENT)

    def signed(ts=TS, b=body, secret=EX_SECRET):
        sig = "v1=" + hexmac(secret, ts.encode() + b"." + b)
        return [["X-Example-Timestamp", ts], ["X-Example-Signature", sig]]

    def case(desc, headers, expect, b=body, secrets=(EX_SECRET,), **kw):
        verify_case(s, "example: " + desc, list(secrets), headers, b, expect, file=FILE, **kw)

    case("a signed delivery, envelope from the body", signed(),
         ok(secret_index=0, timestamp=NOW, kind="order.paid", event_id="evt_ex_1",
            tenant="acct_7", idempotency_key="evt_ex_1"))
    case("the second secret of a rotation", signed(), ok(secret_index=1),
         secrets=("ex_old", EX_SECRET))
    case("a tampered body", signed(), err("signature_mismatch"), b=body + b" ")
    case("301 s old", signed(), err("timestamp_too_old"), now=NOW + 301)
    case("a tolerance of 600 s", signed(), ok(), now=NOW + 301, options={"tolerance": 600})
    case("no timestamp", signed()[1:], err("missing_timestamp"))
    case("no signature", signed()[:1], err("missing_signature"))
    case("another prefix", [["X-Example-Timestamp", TS], ["X-Example-Signature", "sha256=00"]],
         err("malformed_signature"))
