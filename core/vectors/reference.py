"""The reference implementation of docs/schemes.md, in Python's standard library
only (hmac, hashlib, base64): never hookseal, so the core cannot agree with itself by
accident. `reference_verify` and `reference_sign` give what the rules say for any input.
"""

import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

NOW = 1700000000  # 2023-11-14T22:13:20Z, the clock of most cases
TS = str(NOW)
MIB = 1048576  # the default max_body
DEFAULT_TOLERANCE = 300

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
    # The scheme that shows what adding one takes (core/tests/example_scheme.rs).
    "example": ("x-example-signature", "v1=", "x-example-timestamp"),
}
SCHEMES = set(HEX_SCHEMES) | {"stripe", "standard-webhooks", "salescaling", "custom"}
TIMESTAMPED = {"salesbooth", "stripe", "standard-webhooks", "example"}

# Options each scheme takes; custom's tolerance/timestamp_header/id_header are further
# restricted by its `content` (checked in build_verifier).
TAKES = {
    "saleslab": {"max_body"},
    "salesos": {"max_body"},
    "github": {"max_body"},
    "salesbooth": {"max_body", "tolerance"},
    "example": {"max_body", "tolerance"},
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
    **{scheme: verify_hex_scheme for scheme in HEX_SCHEMES},
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
    if scheme == "example":
        return (string_field(obj, "type"), string_field(obj, "id"),
                string_field(obj, "account_id"), True)
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
