"""The sign case set."""


from harness import *  # noqa: F401,F403
from cases.saleslab import *  # noqa: F401,F403
from cases.salesos import *  # noqa: F401,F403
from cases.salesbooth import *  # noqa: F401,F403
from cases.salescaling import *  # noqa: F401,F403
from cases.standard_webhooks import *  # noqa: F401,F403
from cases.stripe import *  # noqa: F401,F403
from cases.github import *  # noqa: F401,F403
from cases.custom import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# sign.json: one or more per scheme, each with a verify companion in the scheme's file
# ---------------------------------------------------------------------------


def cases():
    sign_case("saleslab", "session.completed", SL_SECRET, compact(SL_SESSION))
    sign_case("salesos", "deal.won", SO_SECRET, compact(SO_DEAL_WON))
    sign_case("github", "documented example", GH_SECRET, b"Hello, World!", expect_headers=[
        ["x-hub-signature-256",
         "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"]])
    sign_case("salesbooth", "deal.created", SB_SECRET, compact(SB_DEAL), timestamp=NOW)
    sign_case("salesbooth", "payment.received (no id)", SB_SECRET,
              compact(SB_PAYMENT), timestamp=NOW + 60)
    sign_case("stripe", "invoice.paid", ST_SECRET, compact(ST_EVENT), timestamp=NOW)
    sign_case("standard-webhooks", "published example with explicit id", WHSEC,
              b'{"test": 2432232314}', timestamp=1614265330, msg_id="msg_p5jXN8AQM9LWM0D4loKWxJek",
              expect_headers=[["webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"],
                              ["webhook-timestamp", "1614265330"],
                              ["webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="]])
    sign_case("standard-webhooks", "explicit id", SW_SECRET, SW_BODY, timestamp=NOW, msg_id=SW_ID)
    derived = "msg_" + sha256_hex(TS.encode() + b"." + SW_BODY)[:24]
    sign_case("standard-webhooks", "id omitted, derived from ts.body", SW_SECRET, SW_BODY,
              timestamp=NOW, expect_headers=[["webhook-id", derived], ["webhook-timestamp", TS],
                                             ["webhook-signature", sw_sig(derived)]])
    sign_case("standard-webhooks", "secret without the whsec_ prefix", b64(b"raw key bytes 0123"),
              SW_BODY, timestamp=NOW, msg_id="msg_noprefix")
    sign_case("salescaling", "default Authorization Bearer", SC_TOKEN, compact(SC_MEETING),
              expect_headers=[["authorization", "Bearer " + SC_TOKEN]])
    sign_case("salescaling", "custom header, no prefix", SC_TOKEN, compact(SC_SIGNAL),
              options={"header": "X-Webhook-Token"},
              expect_headers=[["x-webhook-token", SC_TOKEN]])
    sign_case("salescaling", "custom header and prefix", SC_TOKEN, compact(SC_SIGNAL),
              options={"header": "x-api-key", "prefix": "Token "})
    for content in ("body", "ts.body", "id.ts.body"):
        for encoding in ("hex", "base64"):
            opts = {"header": "X-Custom-Signature", "encoding": encoding, "content": content}
            if content != "body":
                opts["timestamp_header"] = "X-Custom-Timestamp"
            if content == "id.ts.body":
                opts["id_header"] = "X-Custom-Id"
            sign_case("custom", "%s, %s" % (content, encoding), CU_SECRET, CU_BODY, options=opts,
                      timestamp=NOW if content != "body" else None,
                      msg_id=CU_ID if content == "id.ts.body" else None)
    sign_case("custom", "body, hex, prefix sha256=", CU_SECRET, CU_BODY,
              options={"header": "x-sig", "prefix": "sha256="})
    sign_case("custom", "ts.body, base64, prefix v1=, tolerance 60", CU_SECRET, NOT_UTF8,
              options={"header": "x-sig", "prefix": "v1=", "encoding": "base64",
                       "content": "ts.body", "timestamp_header": "x-ts", "tolerance": 60},
              timestamp=NOW)
