"""The harness: how a case is stated, checked against the reference and collected
for its file, plus the bodies and helpers several case sets share."""

import base64
import json

from reference import *  # noqa: F401,F403 (the case sets use the reference and its primitives)

FILES = [
    "saleslab.json",
    "salesos.json",
    "salesbooth.json",
    "salescaling.json",
    "standard-webhooks.json",
    "stripe.json",
    "github.json",
    "custom.json",
    "sign.json",
    "construction.json",
    # Not read by the runners of the files above: its `secrets` entries may be objects
    # {"secret": ..., "not_after": unix seconds} (README.md, "Rotation windows").
    "rotation/rotation.json",
    # Not a shared vector file: only the core's example-scheme test runs it.
    "example/example.json",
]

# ---------------------------------------------------------------------------
# Case builders: each case states its intent; the reference must agree.
# ---------------------------------------------------------------------------

OUTPUT = {name: [] for name in FILES}
NAMES = set()
OPTION_ORDER = ["tolerance", "max_body", "header", "prefix", "encoding", "content",
                "timestamp_header", "id_header"]


def ordered_options(options):
    options = dict(options or {})
    known = {k: options[k] for k in OPTION_ORDER if k in options}
    # A name no runtime knows (a construction case) comes last, as it was given.
    return {**known, **{k: v for k, v in options.items() if k not in known}}


def err(code):
    return {"error": code}


def ok(**fields):
    """An ok expectation; fields not given are filled from the reference."""
    return dict(ok=True, **fields)


def add(file, case):
    if case["name"] in NAMES:
        raise SystemExit("duplicate case name: " + case["name"])
    NAMES.add(case["name"])
    OUTPUT[file].append(case)


def verify_case(scheme, name, secrets, headers, body, expect, options=None, now=NOW,
                file=None):
    options = ordered_options(options)
    headers = [[k, v] for k, v in headers]
    actual = reference_verify(scheme, secrets, options, now, headers, body)
    for key, value in expect.items():
        if actual.get(key, "<absent>") != value:
            raise SystemExit("case %r: intended %r, reference gives %r" % (name, expect, actual))
    add(file or scheme + ".json", {
        "name": name,
        "op": "verify",
        "scheme": scheme,
        "secrets": list(secrets),
        "options": options,
        "now": now,
        "headers": headers,
        **body_field(body),
        "expect": actual,
    })


def body_field(body):
    """The body as the case stores it: `body_b64`, or for a large body of one repeated
    character the compact `body` VALUE ({"repeat": "a", "count": N}, as in the hostile
    table), so a 1 MiB body is a few bytes of JSON rather than 1.4 MB of base64."""
    if len(body) >= 4096 and body == body[:1] * len(body) and 0x20 <= body[0] < 0x7F:
        return {"body": {"repeat": body[:1].decode(), "count": len(body)}}
    return {"body_b64": b64(body)}


def sign_case(scheme, desc, secret, body, options=None, timestamp=None, msg_id=None,
              expect_headers=None, verify_secret=None):
    """A sign case in sign.json plus, in the scheme's file, a verify of its output (with
    `verify_secret` when the verifier takes another key: a `whsk_` signs, its `whpk_`
    verifies)."""
    options = ordered_options(options)
    headers = reference_sign(scheme, secret, options, body, timestamp, msg_id)
    if expect_headers is not None and headers != expect_headers:
        raise SystemExit("sign %r: %r != %r" % (desc, headers, expect_headers))
    add("sign.json", {
        "name": "sign %s: %s" % (scheme, desc),
        "op": "sign",
        "scheme": scheme,
        "secret": secret,
        "options": options,
        "body_b64": b64(body),
        "timestamp": timestamp,
        "id": msg_id,
        "expect": {"headers": headers},
    })
    verify_opts = {k: v for k, v in options.items() if k != "max_body"}
    verify_case(scheme, "%s: verifies the output of sign (%s)" % (scheme, desc),
                [verify_secret or secret],
                headers, body, ok(secret_index=0, timestamp=timestamp),
                options=verify_opts, now=timestamp if timestamp is not None else NOW)
    return headers


def compact(obj) -> bytes:
    """How most providers send JSON: compact, UTF-8, non-ASCII left as is."""
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def pretty(obj) -> bytes:
    """The same JSON value serialized differently (a re-serialized body)."""
    return json.dumps(obj, indent=2, ensure_ascii=False).encode("utf-8")


def hexmac(secret: str, content: bytes) -> str:
    return hmac256(secret.encode("utf-8"), content).hex()


def bad_hex(seed: str) -> str:
    """64 well-formed hex digits that are nobody's signature."""
    return sha256_hex(seed.encode())


# Bodies shared by several schemes.
NOT_UTF8 = b"\xff\xfe\x00sig\x80\xc3\x28 not utf-8"
NOT_JSON = b"event=deal.won&id=evt_1"
CRLF_BODY = b'{"event_kind":"session.completed",\r\n"company_id":"c_1"}\r\n'
# A secret whose part after `whsec_` is valid base64: it must still be used as raw bytes
# by every scheme except standard-webhooks.
WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
WHSEC_DECODED = base64.b64decode(WHSEC[len("whsec_"):])
