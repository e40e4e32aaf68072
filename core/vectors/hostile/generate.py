#!/usr/bin/env python3
"""Writes hostile.json: hostile input that every runtime must answer with a typed error
(or accept), never a crash, a hang or a panic.

Values too large or too binary for a JSON string are written compactly and expanded by
each runtime's test (see README.md beside this file):
  "text"                              the UTF-8 bytes of the string
  {"b64": "..."}                      raw bytes
  {"repeat": "ab", "count": N}        "ab" repeated N times (UTF-8)
  {"concat": [VALUE, VALUE, ...]}     the values one after the other

Expected signatures are computed here with Python's hmac, never with hookseal.
Run with --check to fail when hostile.json is not what this script writes.
"""

import base64
import hashlib
import hmac
import json
import sys
from pathlib import Path

OUT = Path(__file__).with_name("hostile.json")
NOW = 1700000000
SECRET = "whsec_hostile"
MIB = 1024 * 1024
BODY = '{"event_kind":"badge.awarded","delivery_id":"d_1"}'


def expand(v):
    if isinstance(v, str):
        return v.encode()
    if "b64" in v:
        return base64.b64decode(v["b64"])
    if "repeat" in v:
        return v["repeat"].encode() * v["count"]
    return b"".join(expand(x) for x in v["concat"])


def hexmac(secret: bytes, content: bytes) -> str:
    return hmac.new(secret, content, hashlib.sha256).hexdigest()


def saleslab_sig(body, secret=SECRET):
    return "sha256=" + hexmac(expand(secret), expand(body))


def case(name, expect, headers, body=BODY, scheme="saleslab", secrets=(SECRET,), options=None, filler=0):
    row = {"name": name, "scheme": scheme, "secrets": list(secrets), "options": options or {},
           "now": NOW, "headers": headers, "filler_headers": filler, "body": body}
    row["expect"] = {"ok": True} if expect == "ok" else {"error": expect}
    return row


def b64(raw: bytes):
    return {"b64": base64.b64encode(raw).decode()}


def rows():
    good = saleslab_sig(BODY)
    sig = "x-saleslab-signature"
    yield case("signature with a NUL byte", "malformed_signature", [[sig, good[:20] + "\u0000" + good[21:]]])
    yield case("signature ending in CR LF", "malformed_signature", [[sig, good + "\r\n"]])
    yield case("signature with a LF inside", "malformed_signature", [[sig, good[:30] + "\n" + good[31:]]])
    yield case("signature with non-ASCII", "malformed_signature", [[sig, good[:-2] + "é"]])
    yield case("signature of invalid UTF-8", "malformed_signature", [[sig, b64(b"sha256=\xff\xfe" + b"0" * 62)]])
    yield case("signature of 64 KiB", "malformed_signature", [[sig, {"concat": ["sha256=", {"repeat": "a", "count": 65536}]}]])
    yield case("header name with NUL is another header", "missing_signature", [[sig + "\u0000", good]])
    yield case("10,000 headers, signature last", "ok", [[sig, good]], filler=10000)
    yield case("10,000 headers, no signature", "missing_signature", [], filler=10000)
    yield from repeats_and_wire_bytes(good)

    # Bodies: empty, exactly max_body, one over, 10 MiB.
    yield case("empty body", "ok", [[sig, saleslab_sig("")]], body="")
    exact = {"repeat": "a", "count": MIB}
    yield case("body of exactly max_body", "ok", [[sig, saleslab_sig(exact)]], body=exact)
    yield case("body of max_body + 1", "payload_too_large", [[sig, good]], body={"repeat": "a", "count": MIB + 1})
    yield case("body of 10 MiB", "payload_too_large", [[sig, good]], body={"repeat": "a", "count": 10 * MIB})
    yield case("body of invalid UTF-8", "ok", [[sig, saleslab_sig(b64(b"\xff\x00\xfe"))]], body=b64(b"\xff\x00\xfe"))

    # Secrets: empty, whitespace, 1 MiB, with and without whsec_.
    yield case("empty secret", "invalid_secret", [[sig, good]], secrets=[""])
    yield case("no secrets", "invalid_secret", [[sig, good]], secrets=[])
    # Leading or trailing whitespace is refused when the verifier is built (docs/schemes.md).
    yield case("whitespace-only secret is refused", "invalid_secret", [[sig, saleslab_sig(BODY, " \t ")]], secrets=[" \t "])
    big = {"repeat": "k", "count": MIB}
    yield case("secret of 1 MiB", "ok", [[sig, saleslab_sig(BODY, big)]], secrets=[big])
    yield case("secret without its whsec_ prefix", "signature_mismatch", [[sig, good]], secrets=["hostile"])
    yield case("secret with surrounding whitespace is refused", "invalid_secret", [[sig, good]], secrets=[" " + SECRET + "\n"])

    # Timestamps.
    ts_sig = lambda ts: "v1=" + hexmac(SECRET.encode(), expand(ts) + b"." + BODY.encode())
    booth = lambda ts: [["x-salesbooth-signature", ts_sig(ts)], ["x-salesbooth-timestamp", ts]]
    yield case("timestamp with a NUL", "malformed_timestamp", booth("1700000000\u0000"), scheme="salesbooth")
    yield case("timestamp of invalid UTF-8", "malformed_timestamp", booth(b64(b"17\xff0000000")), scheme="salesbooth")
    yield case("timestamp of 64 KiB digits", "malformed_timestamp", booth({"repeat": "1", "count": 65536}), scheme="salesbooth")
    yield case("timestamp ending in CR LF", "malformed_timestamp", booth("1700000000\r\n"), scheme="salesbooth")

    # Long signature lists.
    v1 = "v1," + base64.b64encode(b"\0" * 32).decode()
    yield case("standard-webhooks: 64 KiB of signatures", "malformed_signature",
               [["webhook-id", "msg_1"], ["webhook-timestamp", str(NOW)], ["webhook-signature", {"repeat": v1 + " ", "count": 1400}]],
               scheme="standard-webhooks", secrets=["whsec_" + base64.b64encode(b"k" * 24).decode()])
    yield case("stripe: 64 KiB of t= items", "malformed_signature",
               [["stripe-signature", {"concat": [{"repeat": "t=1,", "count": 16384}, "v1=" + "0" * 64]}]], scheme="stripe")
    yield case("stripe: 16 v1 items, none matching", "signature_mismatch",
               [["stripe-signature", {"concat": ["t=" + str(NOW), {"repeat": ",v1=" + "0" * 64, "count": 16}]}]], scheme="stripe")
    yield case("stripe: 17 v1 items", "malformed_signature",
               [["stripe-signature", {"concat": ["t=" + str(NOW), {"repeat": ",v1=" + "0" * 64, "count": 17}]}]], scheme="stripe")

    # Tokens.
    yield case("salescaling: token of 64 KiB", "signature_mismatch",
               [["authorization", {"concat": ["Bearer ", {"repeat": "t", "count": 65536}]}]], scheme="salescaling", secrets=["tok"])
    yield case("salescaling: token with a NUL", "signature_mismatch",
               [["authorization", "Bearer to\u0000k"]], scheme="salescaling", secrets=["tok"])

    # Envelope headers of invalid UTF-8 never break an accepted delivery.
    gh = "sha256=" + hexmac(SECRET.encode(), BODY.encode())
    yield case("github: event header of invalid UTF-8", "ok",
               [["x-hub-signature-256", gh], ["x-github-event", b64(b"\xff\xfe")], ["x-github-delivery", b64(b"\x00\xff")]], scheme="github")


def repeats_and_wire_bytes(good):
    """A repeated header is one value, its values joined with ", " (docs/schemes.md), so
    each row gets the same answer whether a stack shows the repeats or joined them; and
    header values are the bytes on the wire, non-ASCII included."""
    sig = "x-saleslab-signature"
    zero = "sha256=" + "0" * 64
    yield case("repeated signature headers, first wrong", "malformed_signature", [[sig, zero], [sig, good]])
    yield case("repeated signature headers, first right", "malformed_signature", [[sig, good], [sig, zero]])
    yield case("repeated signature headers, both right", "malformed_signature", [[sig, good], [sig, good]])
    yield case("repeated signature headers, first empty", "malformed_signature", [[sig, ""], [sig, good]])
    yield case("signature joined with a comma (WSGI)", "malformed_signature", [[sig, good + "," + good]])
    ts_sig = "v1=" + hexmac(SECRET.encode(), str(NOW).encode() + b"." + BODY.encode())
    yield case("salesbooth: repeated timestamp headers", "malformed_timestamp",
               [["x-salesbooth-signature", ts_sig], ["x-salesbooth-timestamp", str(NOW)], ["x-salesbooth-timestamp", str(NOW)]],
               scheme="salesbooth")
    stripe = "t=%d,v1=%s" % (NOW, hexmac(SECRET.encode(), str(NOW).encode() + b"." + BODY.encode()))
    yield case("stripe: repeated signature headers", "malformed_signature",
               [["stripe-signature", stripe], ["stripe-signature", stripe]], scheme="stripe")
    sw_secret = "whsec_" + base64.b64encode(b"k" * 24).decode()
    sw = lambda msg_id: "v1," + base64.b64encode(hmac.new(b"k" * 24, expand(msg_id) + b"." + str(NOW).encode() + b"." + BODY.encode(), hashlib.sha256).digest()).decode()
    sw_headers = lambda msg_id, sigs: [["webhook-id", msg_id], ["webhook-timestamp", str(NOW)]] + [["webhook-signature", s] for s in sigs]
    yield case("standard-webhooks: repeated signature headers", "malformed_signature",
               sw_headers("msg_1", [sw("msg_1"), sw("msg_1")]), scheme="standard-webhooks", secrets=[sw_secret])
    yield case("standard-webhooks: signature headers joined with a comma (WSGI)", "malformed_signature",
               sw_headers("msg_1", [sw("msg_1") + "," + sw("msg_1")]), scheme="standard-webhooks", secrets=[sw_secret])
    yield case("standard-webhooks: repeated id headers", "signature_mismatch",
               [["webhook-id", "msg_1"]] + sw_headers("msg_1", [sw("msg_1")]), scheme="standard-webhooks", secrets=[sw_secret])
    # Bytes above 0x7F: an HTTP stack hands them over as latin-1 text, which must become
    # these bytes again before the core sees them.
    utf8_id = b64("msg_\u00e9".encode())
    yield case("standard-webhooks: id of UTF-8 bytes", "ok",
               sw_headers(utf8_id, [sw(utf8_id)]), scheme="standard-webhooks", secrets=[sw_secret])
    latin1_id = b64(b"msg_\xe9")
    yield case("standard-webhooks: id with a byte that is not UTF-8", "ok",
               sw_headers(latin1_id, [sw(latin1_id)]), scheme="standard-webhooks", secrets=[sw_secret])
    yield case("salescaling: token of UTF-8 bytes", "ok",
               [["authorization", b64("Bearer sc_t\u00f8k".encode())]], scheme="salescaling", secrets=["sc_t\u00f8k"])
    yield case("salescaling: token with a byte that is not UTF-8", "ok",
               [["authorization", b64(b"Bearer tok\xe9")]], scheme="salescaling", secrets=[b64(b"tok\xe9")])
    yield case("salescaling: token read as UTF-8 of its latin-1 text does not match", "signature_mismatch",
               [["authorization", b64("Bearer tok\u00e9".encode())]], scheme="salescaling", secrets=[b64(b"tok\xe9")])
    yield case("salescaling: repeated token headers", "signature_mismatch",
               [["authorization", "Bearer tok"], ["authorization", "Bearer tok"]], scheme="salescaling", secrets=["tok"])


def render():
    return json.dumps(list(rows()), indent=1, ensure_ascii=True) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT} is not what generate.py writes: run it", file=sys.stderr)
            sys.exit(1)
        print("hostile table up to date")
    else:
        OUT.write_text(text)
        print(f"wrote {OUT}")
