"""The construction case set."""


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
# construction.json: verifiers that cannot be built
# ---------------------------------------------------------------------------


def cases():
    # A request that would verify, so that only construction can fail.
    sl_body = compact(SL_SESSION)
    sl_headers = [["x-saleslab-signature", "sha256=" + hexmac(SL_SECRET, sl_body)]]
    sw_headers = [["webhook-id", SW_ID], ["webhook-timestamp", TS], ["webhook-signature", sw_sig()]]
    cu_headers = [["x-sig", cu_mac(CU_BODY).hex()]]
    sc_headers = [["authorization", "Bearer " + SC_TOKEN]]
    sb_body = compact(SB_DEAL)
    sb_headers = [["x-salesbooth-timestamp", TS],
                  ["x-salesbooth-signature", "v1=" + hexmac(SB_SECRET, TS.encode() + b"." + sb_body)]]
    st_body = compact(ST_EVENT)
    st_headers = [["stripe-signature",
                   "t=" + TS + ",v1=" + hexmac(ST_SECRET, TS.encode() + b"." + st_body)]]
    requests = {
        "saleslab": (SL_SECRET, sl_headers, sl_body),
        "salesos": (SL_SECRET, [["x-salesos-signature", sl_headers[0][1]]], sl_body),
        "github": (SL_SECRET, [["x-hub-signature-256", sl_headers[0][1]]], sl_body),
        "salesbooth": (SB_SECRET, sb_headers, sb_body),
        "stripe": (ST_SECRET, st_headers, st_body),
        "standard-webhooks": (SW_SECRET, sw_headers, SW_BODY),
        "salescaling": (SC_TOKEN, sc_headers, compact(SC_MEETING)),
        "custom": (CU_SECRET, cu_headers, CU_BODY),
    }

    def case(desc, scheme, code, secrets=None, options=None):
        secret, headers, body = requests.get(scheme, requests["saleslab"])
        verify_case(scheme, "construction: " + desc, [secret] if secrets is None else secrets,
                    headers, body, err(code), options=options, file="construction.json")

    # The baseline requests verify once construction succeeds (guards the cases below).
    for scheme in ("saleslab", "salesos", "github", "salesbooth", "stripe",
                   "standard-webhooks", "salescaling"):
        case_name = "construction: control, %s with valid options verifies" % scheme
        secret, headers, body = requests[scheme]
        verify_case(scheme, case_name, [secret], headers, body, ok(), file="construction.json")
    verify_case("custom", "construction: control, custom with valid options verifies", [CU_SECRET],
                cu_headers, CU_BODY, ok(), options={"header": "x-sig"}, file="construction.json")

    # A misspelt option is never silently ignored, in any runtime.
    case("an unknown option name", "salesbooth", "invalid_option", options={"tolerence": 60})

    for scheme in ("saleslab", "salesbooth", "standard-webhooks", "salescaling"):
        case("%s with no secrets" % scheme, scheme, "invalid_secret", secrets=[])
        case("%s with an empty secret" % scheme, scheme, "invalid_secret", secrets=[""])
    case("an empty secret after a valid one", "stripe", "invalid_secret", secrets=[ST_SECRET, ""])
    case("custom with no secrets", "custom", "invalid_secret", secrets=[],
         options={"header": "x-sig"})
    case("standard-webhooks secret that is not base64", "standard-webhooks", "invalid_secret",
         secrets=["whsec_not*base64!"])
    case("standard-webhooks secret of bad length", "standard-webhooks", "invalid_secret",
         secrets=["whsec_abcde"])
    case("standard-webhooks secret whsec_ with nothing after it", "standard-webhooks",
         "invalid_secret", secrets=["whsec_"])
    case("standard-webhooks: a bad secret after a valid one", "standard-webhooks", "invalid_secret",
         secrets=[SW_SECRET, "whsec_%%%"])
    case("unknown scheme id", "sales-lab", "unknown_scheme")
    case("unknown scheme id in another case", "Stripe", "unknown_scheme")
    case("empty scheme id", "", "unknown_scheme")

    # An option the scheme does not take.
    case("saleslab does not take tolerance", "saleslab", "invalid_option", options={"tolerance": 300})
    case("salesos does not take tolerance off", "salesos", "invalid_option",
         options={"tolerance": "off"})
    case("github does not take header", "github", "invalid_option",
         options={"header": "x-hub-signature"})
    case("saleslab does not take prefix", "saleslab", "invalid_option", options={"prefix": "sha256="})
    case("salesbooth does not take header", "salesbooth", "invalid_option",
         options={"header": "x-salesbooth-signature"})
    case("salesbooth does not take timestamp_header", "salesbooth", "invalid_option",
         options={"timestamp_header": "x-ts"})
    case("stripe does not take prefix", "stripe", "invalid_option", options={"prefix": "v1="})
    case("standard-webhooks does not take content", "standard-webhooks", "invalid_option",
         options={"content": "id.ts.body"})
    case("salescaling does not take tolerance", "salescaling", "invalid_option",
         options={"tolerance": 300})
    case("salescaling does not take encoding", "salescaling", "invalid_option",
         options={"encoding": "hex"})
    case("custom with content body does not take tolerance", "custom", "invalid_option",
         options={"header": "x-sig", "tolerance": 300})
    case("custom with content body does not take timestamp_header", "custom", "invalid_option",
         options={"header": "x-sig", "timestamp_header": "x-ts"})
    case("custom with ts.body does not take id_header", "custom", "invalid_option",
         options={"header": "x-sig", "content": "ts.body", "timestamp_header": "x-ts",
                  "id_header": "x-id"})

    # A required option missing.
    case("custom without header", "custom", "invalid_option", options={"prefix": "sha256="})
    case("custom ts.body without timestamp_header", "custom", "invalid_option",
         options={"header": "x-sig", "content": "ts.body"})
    case("custom id.ts.body without id_header", "custom", "invalid_option",
         options={"header": "x-sig", "content": "id.ts.body", "timestamp_header": "x-ts"})

    # An invalid value.
    for scheme in ("saleslab", "stripe", "salescaling"):
        case("%s with max_body 0" % scheme, scheme, "invalid_option", options={"max_body": 0})
    case("custom with max_body 0", "custom", "invalid_option", options={"header": "x-sig", "max_body": 0})
    for scheme in ("salesbooth", "stripe", "standard-webhooks"):
        case("%s with a negative tolerance" % scheme, scheme, "invalid_option",
             options={"tolerance": -1})
    case("custom ts.body with a negative tolerance", "custom", "invalid_option",
         options={"header": "x-sig", "content": "ts.body", "timestamp_header": "x-ts",
                  "tolerance": -1})
    case("custom with encoding base32", "custom", "invalid_option",
         options={"header": "x-sig", "encoding": "base32"})
    case("custom with content ts_body", "custom", "invalid_option",
         options={"header": "x-sig", "content": "ts_body"})
    case("custom with an empty header name", "custom", "invalid_option", options={"header": ""})
    case("custom with a header name containing a space", "custom", "invalid_option",
         options={"header": "x sig"})
    case("custom with a header name ending in a colon", "custom", "invalid_option",
         options={"header": "x-sig:"})
    case("custom with a non-token timestamp_header", "custom", "invalid_option",
         options={"header": "x-sig", "content": "ts.body", "timestamp_header": "x ts"})
    case("custom with an empty id_header", "custom", "invalid_option",
         options={"header": "x-sig", "content": "id.ts.body", "timestamp_header": "x-ts",
                  "id_header": ""})
    case("salescaling with an empty header name", "salescaling", "invalid_option",
         options={"header": ""})
    case("salescaling with a header name containing a newline", "salescaling", "invalid_option",
         options={"header": "x-token\n"})

    # Leading or trailing ASCII whitespace: a newline from a secret file or a .env line.
    for desc, secret in [("ending in a newline", SL_SECRET + "\n"),
                         ("ending in CR LF", SL_SECRET + "\r\n"),
                         ("starting with a space", " " + SL_SECRET),
                         ("starting with a tab", "\t" + SL_SECRET),
                         ("ending in a form feed", SL_SECRET + "\x0c")]:
        case("saleslab secret %s" % desc, "saleslab", "invalid_secret", secrets=[secret])
    case("the second secret ending in a newline", "salesbooth", "invalid_secret",
         secrets=[SB_SECRET, SB_SECRET + "\n"])
    case("stripe secret ending in a space", "stripe", "invalid_secret", secrets=[ST_SECRET + " "])
    case("standard-webhooks secret ending in a newline", "standard-webhooks", "invalid_secret",
         secrets=[SW_SECRET + "\n"])
    case("salescaling token ending in a newline", "salescaling", "invalid_secret",
         secrets=[SC_TOKEN + "\n"])
    case("custom secret ending in a newline", "custom", "invalid_secret",
         secrets=[CU_SECRET + "\n"], options={"header": "x-sig"})
    verify_case("saleslab", "construction: whitespace inside a secret is part of it",
                ["sl secret"], [["x-saleslab-signature", "sha256=" + hexmac("sl secret", sl_body)]],
                sl_body, ok(), file="construction.json")
