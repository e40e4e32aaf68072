"""The reference implementation of docs/schemes.md, in Python's standard library
(hmac, hashlib, base64) and, for Standard Webhooks `v1a`, the `cryptography` package's
Ed25519 (OpenSSL) with the point checks of RFC 8032 written out below: never hookseal, so
the core cannot agree with itself by accident. `reference_verify` and `reference_sign`
give what the rules say for any input.
"""

import base64
import hashlib
import hmac
import json
import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding as _Enc, PublicFormat as _Pub

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


def parse_b64_signature(text: str):
    """A `v1a` signature: 88 base64 characters with padding that decode to 64 bytes."""
    raw = strict_b64decode(text)
    return raw if raw is not None and len(raw) == 64 else None


# ---------------------------------------------------------------------------
# Ed25519 point checks (RFC 8032 5.1.3), written out: what `cryptography` does not expose
# ---------------------------------------------------------------------------

ED_P = 2 ** 255 - 19
ED_D = -121665 * pow(121666, ED_P - 2, ED_P) % ED_P
ED_L = 2 ** 252 + 27742317777372353535851937790883648493  # the group order
ED_SQRT_M1 = pow(2, (ED_P - 1) // 4, ED_P)


def ed_decode(raw: bytes):
    """RFC 8032 5.1.3 point decoding, strict: y >= p and x = 0 with the sign bit set are
    refused (non-canonical encodings). Returns (x, y) or None."""
    if len(raw) != 32:
        return None
    y = int.from_bytes(raw, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    if y >= ED_P:
        return None
    u, v = (y * y - 1) % ED_P, (ED_D * y * y + 1) % ED_P
    x = u * pow(v, 3, ED_P) * pow(u * pow(v, 7, ED_P), (ED_P - 5) // 8, ED_P) % ED_P
    if (v * x * x - u) % ED_P != 0:
        if (v * x * x + u) % ED_P != 0:
            return None
        x = x * ED_SQRT_M1 % ED_P
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = ED_P - x
    return x, y


def ed_add(a, b):
    (x1, y1), (x2, y2) = a, b
    t = ED_D * x1 * x2 * y1 * y2 % ED_P
    x3 = (x1 * y2 + x2 * y1) * pow(1 + t, ED_P - 2, ED_P) % ED_P
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, ED_P - 2, ED_P) % ED_P
    return x3, y3


def ed_small_order(point):
    """Whether [8]P is the identity (0, 1): the eight torsion points."""
    for _ in range(3):
        point = ed_add(point, point)
    return point == (0, 1)


def ed_public_key(raw: bytes):
    """A `whpk_` key's 32 bytes: a canonically encoded point not of small order."""
    point = ed_decode(raw)
    if point is None or ed_small_order(point):
        return None
    return Ed25519PublicKey.from_public_bytes(raw)


def ed_verify_strict(public_key, raw_public: bytes, signature: bytes, message: bytes) -> bool:
    """Strict verification: S < L and R a canonical point not of small order (checked
    here), then the Ed25519 equation (OpenSSL, through `cryptography`)."""
    r, s = signature[:32], int.from_bytes(signature[32:], "little")
    point = ed_decode(r)
    if s >= ED_L or point is None or ed_small_order(point):
        return False
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def ed_public_bytes(private_key) -> bytes:
    return private_key.public_key().public_bytes(_Enc.Raw, _Pub.Raw)


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


ASCII_WHITESPACE = " \t\n\r\x0c"  # what Rust's is_ascii_whitespace means


def secret_key(scheme, secret, role="verify"):
    """Secrets are the UTF-8 bytes as shown, except standard-webhooks (base64, or an
    Ed25519 key). Returns the HMAC key bytes, or ("ed25519", public key object, raw bytes)
    for a `whpk_` key, or ("ed25519-signing", private key object) for a `whsk_` one."""
    if secret == "":
        raise Failure("invalid_secret")
    if secret[0] in ASCII_WHITESPACE or secret[-1] in ASCII_WHITESPACE:
        raise Failure("invalid_secret")  # a newline from a secret file, a .env line
    if scheme != "standard-webhooks":
        return secret.encode("utf-8")
    if secret.startswith("whpk_"):
        if role != "verify":
            raise Failure("invalid_secret")  # a signer takes the whsk_ key
        raw = strict_b64decode(secret[len("whpk_"):])
        key = ed_public_key(raw) if raw is not None else None
        if key is None:
            raise Failure("invalid_secret")
        return ("ed25519", key, raw)
    if secret.startswith("whsk_"):
        if role != "sign":
            raise Failure("invalid_secret")  # a verifier takes the whpk_ key
        raw = strict_b64decode(secret[len("whsk_"):])
        if raw is None or len(raw) not in (32, 64):
            raise Failure("invalid_secret")
        key = Ed25519PrivateKey.from_private_bytes(raw[:32])
        if len(raw) == 64 and ed_public_bytes(key) != raw[32:]:
            raise Failure("invalid_secret")  # libsodium's layout: the public half must match
        return ("ed25519-signing", key)
    encoded = secret[len("whsec_"):] if secret.startswith("whsec_") else secret
    key = strict_b64decode(encoded)
    if not key:  # not base64, or decodes to nothing
        raise Failure("invalid_secret")
    return key


def secret_entry(entry):
    """A secrets list entry: a string, or (rotation/rotation.json) an object
    {"secret": string, "not_after": unix seconds}. Returns (secret, not_after or None)."""
    if isinstance(entry, dict):
        return entry["secret"], entry.get("not_after")
    return entry, None


def valid_header_name(value):
    return isinstance(value, str) and value != "" and set(value) <= TOKEN_CHARS


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def build_verifier(scheme, secrets, options, role="verify"):
    """Construction: the checks a runtime makes before any request is seen."""
    if scheme not in SCHEMES:
        raise Failure("unknown_scheme")
    if not secrets:
        raise Failure("invalid_secret")
    entries = [secret_entry(e) for e in secrets]
    keys = [secret_key(scheme, s, role) for s, _ in entries]

    for name in options:
        if name not in TAKES[scheme]:
            raise Failure("invalid_option")
    cfg = {"scheme": scheme, "keys": keys, "not_after": [t for _, t in entries],
           "max_body": options.get("max_body", MIB),
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


def first_matching_secret(cfg, now, content, digests, signatures=()):
    """Secrets are tried in order; the first that matches wins. A secret past its
    not_after is skipped (its index still counts). An HMAC key matches `v1` digests, an
    Ed25519 key `v1a` signatures: each only its own kind."""
    for index, key in enumerate(cfg["keys"]):
        not_after = cfg["not_after"][index]
        if not_after is not None and now > not_after:
            continue
        if isinstance(key, tuple):
            _, public_key, raw = key
            if any(ed_verify_strict(public_key, raw, sig, content) for sig in signatures):
                return index
            continue
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
    return first_matching_secret(cfg, now, content, [digest]), ts, None


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
    return first_matching_secret(cfg, now, content, digests), ts, None


def verify_standard_webhooks(cfg, now, headers, body):
    msg_id = header(headers, "webhook-id")
    value = header(headers, "webhook-signature")
    if not value or not msg_id:
        raise Failure("missing_signature")
    entries = [e for e in value.split(" ") if e != ""]  # runs of spaces are one separator
    if len(entries) > 16:
        raise Failure("malformed_signature")
    digests, signatures = [], []
    for entry in entries:
        if "," not in entry:
            raise Failure("malformed_signature")
        version, sig = entry.split(",", 1)
        if version == "v1":
            digest = parse_b64_digest(sig)
            if digest is None:
                raise Failure("malformed_signature")
            digests.append(digest)
        elif version == "v1a":
            signature = parse_b64_signature(sig)
            if signature is None:
                raise Failure("malformed_signature")
            signatures.append(signature)
        # other versions are ignored
    if not digests and not signatures:
        raise Failure("malformed_signature")
    ts = check_timestamp(header(headers, "webhook-timestamp"), now, cfg["tolerance"])
    content = msg_id.encode() + b"." + ts.encode() + b"." + body
    return first_matching_secret(cfg, now, content, digests, signatures), ts, msg_id


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
        not_after = cfg["not_after"][index]
        if not_after is not None and now > not_after:
            continue
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
    return first_matching_secret(cfg, now, content, [digest]), ts, msg_id


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
    cfg = build_verifier(scheme, [secret], options, role="sign")
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
        content = msg_id.encode() + b"." + ts.encode() + b"." + body
        if isinstance(key, tuple):  # a whsk_ key: Ed25519, `v1a`
            sig = "v1a," + b64(key[1].sign(content))
        else:
            sig = "v1," + b64(hmac256(key, content))
        return [["webhook-id", msg_id], ["webhook-timestamp", ts], ["webhook-signature", sig]]
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
