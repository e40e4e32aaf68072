#!/usr/bin/env python3
"""Generate hookseal's shared conformance vectors.

This is an independent implementation of docs/schemes.md, written with the Python
standard library only (hmac, hashlib, base64, json). It never imports hookseal: the
point of the vectors is that the Rust core cannot agree with itself by accident.

Every case below states the result its author intended (an error code, or "ok" with a
few fields). The reference verifier in this file recomputes the result from the case's
inputs, and the script refuses to write anything if the two disagree. So a vector is
only emitted when the stated intent and an executable reading of the rules agree.

    python3 core/vectors/generate.py           # (re)write core/vectors/*.json
    python3 core/vectors/generate.py --check   # exit 1 if a committed file would change

Output is deterministic: no randomness, no clock, fixed timestamps and ids.
"""

import base64
import hashlib
import hmac
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

NOW = 1700000000  # 2023-11-14T22:13:20Z, the clock of most cases
TS = str(NOW)
MIB = 1048576  # the default max_body
DEFAULT_TOLERANCE = 300

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
]

# ---------------------------------------------------------------------------
# Primitives
# ---------------------------------------------------------------------------


def hmac256(key: bytes, message: bytes) -> bytes:
    """The one HMAC in this file: HMAC-SHA256."""
    return hmac.new(key, message, hashlib.sha256).digest()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


HEX_DIGITS = set("0123456789abcdefABCDEF")
DEC_DIGITS = set("0123456789")
B64_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
# RFC 9110 token characters: what a header name may be made of.
TOKEN_CHARS = set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def parse_hex_digest(text: str):
    """Exactly 64 hex digits, either case -> 32 bytes; anything else -> None."""
    if len(text) != 64 or not set(text) <= HEX_DIGITS:
        return None
    return bytes.fromhex(text)


def strict_b64decode(text: str):
    """Standard alphabet, padded; anything else -> None.

    (Python alone would also accept non-zero trailing bits; no vector relies on that.)
    """
    if len(text) % 4 != 0 or not set(text) <= B64_ALPHABET:
        return None
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        return None


def parse_b64_digest(text: str):
    """44 base64 characters with padding that decode to exactly 32 bytes."""
    raw = strict_b64decode(text)
    return raw if raw is not None and len(raw) == 32 else None


def ascii_lower(text: str) -> str:
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def header(headers, name):
    """Name matched case-insensitively, value trimmed of SP/HTAB only; a header that
    appears more than once is its trimmed values joined with ", " (RFC 9110 5.3).

    None when absent. (A CR, LF or NUL stays in the value and makes it malformed.)
    """
    values = [value.strip(" \t") for key, value in headers if ascii_lower(key) == name]
    return ", ".join(values) if values else None


# ---------------------------------------------------------------------------
# Reference implementation of docs/schemes.md
# ---------------------------------------------------------------------------


class Failure(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


# Fixed parameters of the schemes whose value is `prefix + 64 hex`.
HEX_SCHEMES = {
    #  id           signature header          prefix     timestamp header
    "saleslab": ("x-saleslab-signature", "sha256=", None),
    "salesos": ("x-salesos-signature", "sha256=", None),
    "github": ("x-hub-signature-256", "sha256=", None),
    "salesbooth": ("x-salesbooth-signature", "v1=", "x-salesbooth-timestamp"),
}
SCHEMES = set(HEX_SCHEMES) | {"stripe", "standard-webhooks", "salescaling", "custom"}
TIMESTAMPED = {"salesbooth", "stripe", "standard-webhooks"}

# Options each scheme takes; custom's tolerance/timestamp_header/id_header are further
# restricted by its `content` (checked in build_verifier).
TAKES = {
    "saleslab": {"max_body"},
    "salesos": {"max_body"},
    "github": {"max_body"},
    "salesbooth": {"max_body", "tolerance"},
    "stripe": {"max_body", "tolerance"},
    "standard-webhooks": {"max_body", "tolerance"},
    "salescaling": {"max_body", "header", "prefix"},
    "custom": {"max_body", "header", "prefix", "encoding", "content",
               "timestamp_header", "id_header", "tolerance"},
}


def secret_key(scheme, secret):
    """Secrets are the UTF-8 bytes as shown, except standard-webhooks (base64)."""
    if secret == "":
        raise Failure("invalid_secret")
    if scheme != "standard-webhooks":
        return secret.encode("utf-8")
    encoded = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    key = strict_b64decode(encoded)
    if not key:  # not base64, or decodes to nothing
        raise Failure("invalid_secret")
    return key


def valid_header_name(value):
    return isinstance(value, str) and value != "" and set(value) <= TOKEN_CHARS


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def build_verifier(scheme, secrets, options):
    """Construction: the checks a runtime makes before any request is seen."""
    if scheme not in SCHEMES:
        raise Failure("unknown_scheme")
    if not secrets:
        raise Failure("invalid_secret")
    keys = [secret_key(scheme, s) for s in secrets]

    for name in options:
        if name not in TAKES[scheme]:
            raise Failure("invalid_option")
    cfg = {"scheme": scheme, "keys": keys, "max_body": options.get("max_body", MIB),
           "tolerance": options.get("tolerance", DEFAULT_TOLERANCE)}
    if not is_int(cfg["max_body"]) or cfg["max_body"] < 1:
        raise Failure("invalid_option")
    tol = cfg["tolerance"]
    if tol != "off" and (not is_int(tol) or tol < 0):
        raise Failure("invalid_option")

    if scheme == "salescaling":
        cfg["header"] = options.get("header", "authorization")
        if not valid_header_name(cfg["header"]):
            raise Failure("invalid_option")
        cfg["header"] = ascii_lower(cfg["header"])
        default_prefix = "Bearer " if cfg["header"] == "authorization" else ""
        cfg["prefix"] = options.get("prefix", default_prefix)
    elif scheme == "custom":
        content = options.get("content", "body")
        if content not in ("body", "ts.body", "id.ts.body"):
            raise Failure("invalid_option")
        if options.get("encoding", "hex") not in ("hex", "base64"):
            raise Failure("invalid_option")
        timestamped = content != "body"
        # timestamp_header: required with, and only with, a timestamped content;
        # id_header: required with, and only with, id.ts.body; tolerance only when
        # timestamped.
        if ("timestamp_header" in options) != timestamped:
            raise Failure("invalid_option")
        if ("id_header" in options) != (content == "id.ts.body"):
            raise Failure("invalid_option")
        if "tolerance" in options and not timestamped:
            raise Failure("invalid_option")
        if "header" not in options:
            raise Failure("invalid_option")
        for name in ("header", "timestamp_header", "id_header"):
            if name in options and not valid_header_name(options[name]):
                raise Failure("invalid_option")
        cfg.update(
            header=ascii_lower(options["header"]),
            prefix=options.get("prefix", ""),
            encoding=options.get("encoding", "hex"),
            content=content,
            timestamp_header=ascii_lower(options.get("timestamp_header", "")) or None,
            id_header=ascii_lower(options.get("id_header", "")) or None,
        )
    return cfg


def check_timestamp(raw, now, tolerance, empty_is_missing=True):
    """Steps 4-6. Returns the digits exactly as sent (they are what is signed)."""
    if raw is None or (raw == "" and empty_is_missing):
        raise Failure("missing_timestamp")
    if not 1 <= len(raw) <= 19 or not set(raw) <= DEC_DIGITS:
        raise Failure("malformed_timestamp")
    ts = int(raw)  # Python ints do not overflow; 19 nines must still compare right
    if tolerance != "off":
        if now - ts > tolerance:
            raise Failure("timestamp_too_old")
        if ts - now > tolerance:
            raise Failure("timestamp_too_new")
    return raw


def first_matching_secret(keys, content, digests):
    """Secrets are tried in order; the first that matches any digest wins."""
    for index, key in enumerate(keys):
        mac = hmac256(key, content)
        if any(hmac.compare_digest(mac, d) for d in digests):
            return index
    raise Failure("signature_mismatch")


def verify_hex_scheme(cfg, now, headers, body):
    sig_header, prefix, ts_header = HEX_SCHEMES[cfg["scheme"]]
    value = header(headers, sig_header)
    if not value:
        raise Failure("missing_signature")
    digest = parse_hex_digest(value[len(prefix):]) if value.startswith(prefix) else None
    if digest is None:
        raise Failure("malformed_signature")
    content, ts = body, None
    if ts_header:
        ts = check_timestamp(header(headers, ts_header), now, cfg["tolerance"])
        content = ts.encode() + b"." + body
    return first_matching_secret(cfg["keys"], content, [digest]), ts, None


def verify_stripe(cfg, now, headers, body):
    value = header(headers, "stripe-signature")
    if not value:
        raise Failure("missing_signature")
    t_values, v1_values = [], []
    for item in value.split(","):
        item = item.strip(" \t")
        if "=" not in item:
            raise Failure("malformed_signature")
        key, val = item.split("=", 1)
        if key == "t":
            t_values.append(val)
        elif key == "v1":
            v1_values.append(val)
        # other keys (v0, ...) are ignored
    if not v1_values or len(v1_values) > 16:
        raise Failure("malformed_signature")
    digests = [parse_hex_digest(v) for v in v1_values]
    if None in digests:
        raise Failure("malformed_signature")
    if len(t_values) > 1:
        raise Failure("malformed_signature")
    if not t_values:
        raise Failure("missing_timestamp")
    # `t=` is a present-but-empty timestamp: malformed, not missing.
    ts = check_timestamp(t_values[0], now, cfg["tolerance"], empty_is_missing=False)
    content = ts.encode() + b"." + body
    return first_matching_secret(cfg["keys"], content, digests), ts, None


def verify_standard_webhooks(cfg, now, headers, body):
    msg_id = header(headers, "webhook-id")
    value = header(headers, "webhook-signature")
    if not value or not msg_id:
        raise Failure("missing_signature")
    entries = [e for e in value.split(" ") if e != ""]  # runs of spaces are one separator
    if len(entries) > 16:
        raise Failure("malformed_signature")
    digests = []
    for entry in entries:
        if "," not in entry:
            raise Failure("malformed_signature")
        version, sig = entry.split(",", 1)
        if version == "v1":
            digest = parse_b64_digest(sig)
            if digest is None:
                raise Failure("malformed_signature")
            digests.append(digest)
    if not digests:
        raise Failure("malformed_signature")
    ts = check_timestamp(header(headers, "webhook-timestamp"), now, cfg["tolerance"])
    content = msg_id.encode() + b"." + ts.encode() + b"." + body
    return first_matching_secret(cfg["keys"], content, digests), ts, msg_id


def verify_salescaling(cfg, now, headers, body):
    value = header(headers, cfg["header"])
    if not value:
        raise Failure("missing_signature")
    prefix = cfg["prefix"]
    if ascii_lower(value[:len(prefix)]) != ascii_lower(prefix):
        raise Failure("malformed_signature")
    token = value[len(prefix):]
    if token == "":
        raise Failure("malformed_signature")
    # Compared as SHA-256 digests of both sides, so length does not leak.
    presented = hashlib.sha256(token.encode("utf-8")).digest()
    for index, key in enumerate(cfg["keys"]):
        if hmac.compare_digest(hashlib.sha256(key).digest(), presented):
            return index, None, None
    raise Failure("signature_mismatch")


def verify_custom(cfg, now, headers, body):
    value = header(headers, cfg["header"])
    if not value:
        raise Failure("missing_signature")
    msg_id = None
    if cfg["content"] == "id.ts.body":
        msg_id = header(headers, cfg["id_header"])
        if not msg_id:
            raise Failure("missing_signature")
    prefix = cfg["prefix"]
    digest = None
    if value.startswith(prefix):
        parse = parse_hex_digest if cfg["encoding"] == "hex" else parse_b64_digest
        digest = parse(value[len(prefix):])
    if digest is None:
        raise Failure("malformed_signature")
    ts = None
    content = body
    if cfg["content"] != "body":
        ts = check_timestamp(header(headers, cfg["timestamp_header"]), now, cfg["tolerance"])
        content = ts.encode() + b"." + body
    if msg_id is not None:
        content = msg_id.encode() + b"." + content
    return first_matching_secret(cfg["keys"], content, [digest]), ts, msg_id


VERIFY = {
    "saleslab": verify_hex_scheme,
    "salesos": verify_hex_scheme,
    "github": verify_hex_scheme,
    "salesbooth": verify_hex_scheme,
    "stripe": verify_stripe,
    "standard-webhooks": verify_standard_webhooks,
    "salescaling": verify_salescaling,
    "custom": verify_custom,
}


def json_object(body):
    """The body as a JSON object, or None (not UTF-8, not JSON, not an object)."""
    try:
        value = json.loads(body.decode("utf-8"))
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are both ValueErrors
        return None
    return value if isinstance(value, dict) else None


def string_field(obj, key):
    """Top-level string fields only; anything else leaves the field absent."""
    value = obj.get(key) if obj is not None else None
    return value if isinstance(value, str) else None


def either(first, second):
    return first if first is not None else second


def envelope(cfg, headers, body, signed_id):
    """(kind, event_id, tenant, event_id_is_signed) per the Envelope table."""
    obj = json_object(body)
    scheme = cfg["scheme"]
    if scheme == "saleslab":
        body_id = string_field(obj, "delivery_id")
        kind = either(string_field(obj, "event_kind"), header(headers, "x-saleslab-event") or None)
        event_id = either(body_id, header(headers, "x-saleslab-delivery-id") or None)
        return kind, event_id, string_field(obj, "company_id"), body_id is not None
    if scheme == "salesos":
        return string_field(obj, "type"), string_field(obj, "id"), None, True
    if scheme == "salesbooth":
        return (string_field(obj, "event"), string_field(obj, "id"),
                string_field(obj, "tenant_id"), True)
    if scheme == "salescaling":
        kind = either(string_field(obj, "event"), string_field(obj, "type"))
        return kind, None, string_field(obj, "companyId"), True
    if scheme == "standard-webhooks":
        return string_field(obj, "type"), signed_id, None, True
    if scheme == "stripe":
        return (string_field(obj, "type"), string_field(obj, "id"),
                string_field(obj, "account"), True)
    if scheme == "github":
        # Both come from unsigned headers: reported, never used as the key.
        return (header(headers, "x-github-event") or None,
                header(headers, "x-github-delivery") or None, None, False)
    if scheme == "custom":
        kind = either(string_field(obj, "type"), string_field(obj, "event"))
        event_id = signed_id if cfg["content"] == "id.ts.body" else string_field(obj, "id")
        return kind, event_id, None, True
    raise AssertionError(scheme)


def reference_verify(scheme, secrets, options, now, headers, body):
    """The full result a runtime must report: {"error": code} or the ok fields."""
    try:
        cfg = build_verifier(scheme, secrets, options)
        if len(body) > cfg["max_body"]:
            raise Failure("payload_too_large")
        index, ts, signed_id = VERIFY[scheme](cfg, now, headers, body)
    except Failure as failure:
        return {"error": failure.code}
    kind, event_id, tenant, id_signed = envelope(cfg, headers, body, signed_id)
    key = event_id if (event_id is not None and id_signed) else sha256_hex(body)
    return {
        "ok": True,
        "secret_index": index,
        "timestamp": int(ts) if ts is not None else None,
        "kind": kind,
        "event_id": event_id,
        "tenant": tenant,
        "idempotency_key": key,
    }


def reference_sign(scheme, secret, options, body, timestamp, msg_id):
    """Headers to send, lowercase names, in the order id, timestamp, signature."""
    cfg = build_verifier(scheme, [secret], options)
    key = cfg["keys"][0]
    ts = str(timestamp) if timestamp is not None else None
    if scheme in HEX_SCHEMES:
        sig_header, prefix, ts_header = HEX_SCHEMES[scheme]
        if ts_header:
            sig = hmac256(key, ts.encode() + b"." + body).hex()
            return [[ts_header, ts], [sig_header, prefix + sig]]
        return [[sig_header, prefix + hmac256(key, body).hex()]]
    if scheme == "stripe":
        sig = hmac256(key, ts.encode() + b"." + body).hex()
        return [["stripe-signature", "t=" + ts + ",v1=" + sig]]
    if scheme == "standard-webhooks":
        if msg_id is None:
            msg_id = "msg_" + sha256_hex(ts.encode() + b"." + body)[:24]
        sig = b64(hmac256(key, msg_id.encode() + b"." + ts.encode() + b"." + body))
        return [["webhook-id", msg_id], ["webhook-timestamp", ts], ["webhook-signature", "v1," + sig]]
    if scheme == "salescaling":
        return [[cfg["header"], cfg["prefix"] + secret]]
    if scheme == "custom":
        content = body
        out = []
        if cfg["content"] != "body":
            content = ts.encode() + b"." + content
            out.append([cfg["timestamp_header"], ts])
        if cfg["content"] == "id.ts.body":
            content = msg_id.encode() + b"." + content
            out.insert(0, [cfg["id_header"], msg_id])
        mac = hmac256(key, content)
        encoded = mac.hex() if cfg["encoding"] == "hex" else b64(mac)
        out.append([cfg["header"], cfg["prefix"] + encoded])
        return out
    raise AssertionError(scheme)


# ---------------------------------------------------------------------------
# Case builders: each case states its intent; the reference must agree.
# ---------------------------------------------------------------------------

OUTPUT = {name: [] for name in FILES}
NAMES = set()
OPTION_ORDER = ["tolerance", "max_body", "header", "prefix", "encoding", "content",
                "timestamp_header", "id_header"]


def ordered_options(options):
    options = dict(options or {})
    return {k: options[k] for k in OPTION_ORDER if k in options}


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
        "body_b64": b64(body),
        "expect": actual,
    })


def sign_case(scheme, desc, secret, body, options=None, timestamp=None, msg_id=None,
              expect_headers=None):
    """A sign case in sign.json plus, in the scheme's file, a verify of its output."""
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
    verify_case(scheme, "%s: verifies the output of sign (%s)" % (scheme, desc), [secret],
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


def saleslab_cases():
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


# ---------------------------------------------------------------------------
# salesos: X-SalesOS-Signature: sha256=<hex of HMAC(body)>
# ---------------------------------------------------------------------------

SO_SECRET = "whsec_your_secret_key_here"
SO_DEAL_WON = {
    "id": "evt_abc123def456",
    "type": "deal.won",
    "created_at": "2023-11-14T22:13:20Z",
    "data": {
        "id": "880e8400-e29b-41d4-a716-446655440000",
        "name": "Tech Corp - Enterprise License",
        "value": 82000,
        "stage": "Closed Won",
        "owner_id": "660e8400-e29b-41d4-a716-446655440001",
        "previous_stage": "Negotiation",
    },
}
SO_LEAD = {
    "id": "evt_7f8e9d0c1b2a",
    "type": "lead.created",
    "created_at": "2023-11-14T22:10:00Z",
    "data": {"id": "lead_01", "name": "Ana Souza", "source": "website"},
}


def salesos_cases():
    s = "salesos"
    body = compact(SO_DEAL_WON)

    def sig(b=body, secret=SO_SECRET):
        return "sha256=" + hexmac(secret, b)

    def case(desc, headers, expect, b=body, secrets=(SO_SECRET,), **kw):
        verify_case(s, "salesos: " + desc, list(secrets), headers, b, expect, **kw)

    case("deal.won, envelope from the body",
         [["Content-Type", "application/json"], ["X-SalesOS-Signature", sig()]],
         ok(secret_index=0, timestamp=None, kind="deal.won", event_id="evt_abc123def456",
            tenant=None, idempotency_key="evt_abc123def456"))
    lead = pretty(SO_LEAD)
    case("lead.created, pretty-printed body", [["x-salesos-signature", sig(lead)]],
         ok(kind="lead.created", event_id="evt_7f8e9d0c1b2a"), b=lead)
    case("uppercase hex", [["x-salesos-signature", sig().upper().replace("SHA256=", "sha256=")]],
         ok())
    case("whsec_ secret is used as raw bytes", [["x-salesos-signature", sig(secret=WHSEC)]],
         ok(), secrets=[WHSEC])
    case("signature made with the base64-decoded whsec_ key does not match",
         [["x-salesos-signature", "sha256=" + hmac256(WHSEC_DECODED, body).hex()]],
         err("signature_mismatch"), secrets=[WHSEC])
    case("missing signature", [["content-type", "application/json"]], err("missing_signature"))
    case("empty signature", [["x-salesos-signature", "\t"]], err("missing_signature"))
    case("v1= prefix is not this scheme's", [["x-salesos-signature", "v1=" + hexmac(SO_SECRET, body)]],
         err("malformed_signature"))
    case("65 hex digits", [["x-salesos-signature", sig() + "0"]], err("malformed_signature"))
    case("wrong secret", [["x-salesos-signature", sig(secret="whsec_wrong")]],
         err("signature_mismatch"))
    case("secret with a trailing newline does not match",
         [["x-salesos-signature", sig(secret=SO_SECRET + "\n")]], err("signature_mismatch"))
    case("re-serialized body", [["x-salesos-signature", sig()]], err("signature_mismatch"),
         b=pretty(SO_DEAL_WON))
    case("rotation: the second secret matches", [["x-salesos-signature", sig()]],
         ok(secret_index=1), secrets=["whsec_previous", SO_SECRET])
    no_id = compact({"type": "deal.lost", "created_at": "2023-11-14T22:13:20Z", "data": {}})
    case("body without id: key is the body's SHA-256", [["x-salesos-signature", sig(no_id)]],
         ok(kind="deal.lost", event_id=None, idempotency_key=sha256_hex(no_id)), b=no_id)
    numeric = compact({"id": 42, "type": ["deal.won"], "data": {}})
    case("non-string id and type are ignored", [["x-salesos-signature", sig(numeric)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(numeric)), b=numeric)
    nested = compact({"data": {"id": "evt_nested", "type": "deal.won"}})
    case("id and type nested in data are not top-level", [["x-salesos-signature", sig(nested)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(nested)), b=nested)
    array = compact([SO_DEAL_WON])
    case("JSON array body", [["x-salesos-signature", sig(array)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(array)), b=array)
    case("body that is not UTF-8", [["x-salesos-signature", sig(NOT_UTF8)]],
         ok(kind=None, idempotency_key=sha256_hex(NOT_UTF8)), b=NOT_UTF8)
    case("max_body exactly the body length", [["x-salesos-signature", sig()]], ok(),
         options={"max_body": len(body)})
    case("max_body one byte short", [["x-salesos-signature", sig()]], err("payload_too_large"),
         options={"max_body": len(body) - 1})


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


def salesbooth_cases():
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


def salescaling_cases():
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


def standard_webhooks_cases():
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
    case("a v1a entry is ignored", signed(sig="v1a,c29tZXRoaW5nIGVsc2U= " + sw_sig()), ok())
    case("only v1a entries: no v1 entry", signed(sig="v1a," + sw_sig()[3:]),
         err("malformed_signature"))
    case("16 entries, the last matches", signed(sig=" ".join([other] * 15 + [sw_sig()])), ok())
    case("17 entries is too many, even with a match",
         signed(sig=" ".join(["v1a,abc"] * 16 + [sw_sig()])), err("malformed_signature"))
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


def stripe_cases():
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


# ---------------------------------------------------------------------------
# github: X-Hub-Signature-256: sha256=<hex of HMAC(body)>
# ---------------------------------------------------------------------------

GH_SECRET = "It's a Secret to Everybody"  # GitHub's documented example
GH_PUSH = {
    "ref": "refs/heads/main",
    "before": "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
    "after": "59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5",
    "repository": {"id": 1296269, "full_name": "octocat/Hello-World"},
}


def github_cases():
    s = "github"
    body = compact(GH_PUSH)

    def sig(b=body, secret=GH_SECRET):
        return "sha256=" + hexmac(secret, b)

    def case(desc, headers, expect, b=body, secrets=(GH_SECRET,), **kw):
        verify_case(s, "github: " + desc, list(secrets), headers, b, expect, **kw)

    case("documented example: Hello, World!",
         [["X-Hub-Signature-256",
           "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"]],
         ok(secret_index=0, timestamp=None, kind=None, event_id=None, tenant=None,
            idempotency_key=sha256_hex(b"Hello, World!")), b=b"Hello, World!")
    delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958"
    case("push: kind and event id from the unsigned headers, key from the body",
         [["X-GitHub-Event", "push"], ["X-GitHub-Delivery", " " + delivery + " "],
          ["X-Hub-Signature", "sha1=0000000000000000000000000000000000000000"],
          ["X-Hub-Signature-256", sig()]],
         ok(kind="push", event_id=delivery, tenant=None, idempotency_key=sha256_hex(body)))
    typed = compact({"type": "push", "id": "evt_1", "action": "opened"})
    case("body fields are not the envelope", [["x-hub-signature-256", sig(typed)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(typed)), b=typed)
    case("uppercase hex", [["x-hub-signature-256", "sha256=" + sig()[7:].upper()]], ok())
    case("only the legacy sha1 header", [["X-Hub-Signature", "sha1=" + "0" * 40]],
         err("missing_signature"))
    case("sha1= in the sha256 header", [["X-Hub-Signature-256", "sha1=" + "0" * 40]],
         err("malformed_signature"))
    case("sha1= with 64 hex digits", [["X-Hub-Signature-256", "sha1=" + sig()[7:]]],
         err("malformed_signature"))
    case("wrong secret", [["x-hub-signature-256", sig(secret="not the secret")]],
         err("signature_mismatch"))
    case("rotation: the second secret matches", [["x-hub-signature-256", sig()]],
         ok(secret_index=1), secrets=["old-secret", GH_SECRET])
    case("empty header", [["x-hub-signature-256", ""]], err("missing_signature"))
    case("max_body one byte short", [["x-hub-signature-256", sig()]], err("payload_too_large"),
         options={"max_body": len(body) - 1})


# ---------------------------------------------------------------------------
# custom: a configurable HMAC (header, prefix, encoding, content, ...)
# ---------------------------------------------------------------------------

CU_SECRET = "cu_secret_0f1e2d3c4b5a"
CU_BODY = compact({"type": "meeting.completed", "event": "ignored.when.type.present",
                   "id": "evt_cu_001", "companyId": "cmp_1"})
CU_ID = "dlv_0001"


def cu_mac(content, secret=CU_SECRET):
    return hmac256(secret.encode(), content)


def custom_cases():
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


# ---------------------------------------------------------------------------
# sign.json: one or more per scheme, each with a verify companion in the scheme's file
# ---------------------------------------------------------------------------


def sign_cases():
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


# ---------------------------------------------------------------------------
# construction.json: verifiers that cannot be built
# ---------------------------------------------------------------------------


def construction_cases():
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


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def render():
    saleslab_cases()
    salesos_cases()
    salesbooth_cases()
    salescaling_cases()
    standard_webhooks_cases()
    stripe_cases()
    github_cases()
    custom_cases()
    sign_cases()
    construction_cases()
    return {name: json.dumps(cases, indent=2, ensure_ascii=True) + "\n"
            for name, cases in OUTPUT.items()}


def main(argv):
    check = "--check" in argv[1:]
    rendered = render()
    differ = []
    for name, text in rendered.items():
        path = os.path.join(HERE, name)
        try:
            with open(path, "r", encoding="ascii", newline="") as f:
                current = f.read()
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            continue
        differ.append(name)
        if not check:
            with open(path, "w", encoding="ascii", newline="\n") as f:
                f.write(text)
    total = sum(len(c) for c in OUTPUT.values())
    if check:
        if differ:
            print("out of date (run core/vectors/generate.py): " + ", ".join(differ))
            return 1
        print("vectors up to date: %d cases in %d files" % (total, len(rendered)))
        return 0
    for name in FILES:
        print("%-24s %4d cases%s" % (name, len(OUTPUT[name]), "  (written)" if name in differ else ""))
    print("%-24s %4d cases" % ("total", total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
