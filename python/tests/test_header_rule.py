"""The header rule through real Flask, FastAPI and Django servers (tests/receiver.py):
a repeated header counts as one value, joined with ", " in arrival order, and header
values reach the core as the bytes that were on the wire (a byte above 0x7F included).
Each answer is compared with the core's for the same bytes."""

from __future__ import annotations

import base64
import json
import hashlib
import hmac
import time
from typing import Any, Iterator, List, Tuple

import pytest

import hookseal
from processes import ASYNC_FRAMEWORKS, FRAMEWORKS, Receiver, post_lines, running
from test_hostile import ROWS, expand, utf8

SB_SECRET = "whsec_test"
SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
BODY = b'{"event":"deal.created","id":"evt_rule","tenant_id":"t","type":"deal.created"}'
Headers = List[Tuple[str, bytes]]


def post(receiver: Receiver, headers: Headers) -> Tuple[int, Any]:
    """POSTs BODY with exactly these header lines (repeats and raw bytes as given)."""
    return post_lines(receiver.url, BODY, [("Content-Type", b"application/json"), *headers])


def core(scheme: str, secret: str, headers: Headers) -> Tuple[int, Any]:
    """The core's answer for the rule's value of these headers (repeats joined with
    ", " as bytes), as the receiver would give it."""
    joined: dict = {}
    for name, value in headers:
        name = name.lower()
        joined[name] = joined[name] + b", " + value if name in joined else value
    try:
        hookseal.Verifier(scheme, [secret]).verify(BODY, joined)
    except hookseal.VerificationError as e:
        return e.status, e.code
    return 200, None


def outcome(reply: Tuple[int, Any]) -> Tuple[int, Any]:
    status, payload = reply
    return status, payload.get("error") if isinstance(payload, dict) else payload


def salesbooth_cases() -> Iterator[Tuple[str, Headers]]:
    signed = hookseal.sign("salesbooth", SB_SECRET, BODY)
    sig, ts = signed["x-salesbooth-signature"].encode(), signed["x-salesbooth-timestamp"].encode()
    wrong = b"v1=" + b"0" * 64
    yield "one signature", [("X-Salesbooth-Signature", sig), ("X-Salesbooth-Timestamp", ts)]
    yield "two signatures, right first", [("X-Salesbooth-Signature", sig), ("X-Salesbooth-Signature", wrong), ("X-Salesbooth-Timestamp", ts)]
    yield "two signatures, wrong first", [("X-Salesbooth-Signature", wrong), ("X-Salesbooth-Signature", sig), ("X-Salesbooth-Timestamp", ts)]
    yield "two timestamps", [("X-Salesbooth-Signature", sig), ("X-Salesbooth-Timestamp", ts), ("X-Salesbooth-Timestamp", ts)]
    yield "a signature byte above 0x7F", [("X-Salesbooth-Signature", sig[:-1] + b"\xe9"), ("X-Salesbooth-Timestamp", ts)]


def standard_webhooks(msg_id: bytes) -> Headers:
    """Standard Webhooks headers signing ``msg_id`` as raw bytes."""
    ts = str(int(time.time())).encode()
    key = base64.b64decode(SW_SECRET[len("whsec_"):])
    mac = hmac.new(key, msg_id + b"." + ts + b"." + BODY, hashlib.sha256).digest()
    return [("webhook-id", msg_id), ("webhook-timestamp", ts), ("webhook-signature", b"v1," + base64.b64encode(mac))]


@pytest.fixture(scope="module", params=FRAMEWORKS + ASYNC_FRAMEWORKS)
def framework(request: Any) -> str:
    return request.param  # type: ignore[no-any-return]


def test_repeated_and_non_ascii_salesbooth_headers(framework: str) -> None:
    with running(framework, {"SCHEME": "salesbooth", "SECRET": SB_SECRET}) as receiver:
        for name, headers in salesbooth_cases():
            want = core("salesbooth", SB_SECRET, headers)
            assert outcome(post(receiver, headers)) == want, name


@pytest.mark.parametrize("msg_id", [b"msg_\xc3\xa9", b"msg_\xe9\xff"], ids=["utf-8 bytes", "latin-1 bytes"])
def test_a_non_ascii_id_verifies_as_in_the_core(framework: str, msg_id: bytes) -> None:
    headers = standard_webhooks(msg_id)
    assert core("standard-webhooks", SW_SECRET, headers) == (200, None)
    with running(framework, {"SCHEME": "standard-webhooks", "SECRET": SW_SECRET}) as receiver:
        status, payload = post(receiver, headers)
        assert (status, payload) == (200, {"processed": True})


def _sendable(row: dict) -> bool:
    """A hostile row about repeats or bytes above 0x7F that HTTP can carry as it is
    (no NUL, CR or LF, no filler headers)."""
    if row.get("filler_headers") or row.get("options", {}).get("max_body"):
        return False
    values = [utf8(expand(v)) for _, v in row["headers"]]
    if any(set(v) & {0, 10, 13} for v in values):
        return False
    names = [n.lower() for n, _ in row["headers"]]
    return len(names) != len(set(names)) or any(b > 0x7F for v in values for b in v)


HOSTILE = [row for row in ROWS if _sendable(row)]


def _group(row: dict) -> str:
    secrets = [base64.b64encode(utf8(expand(s))).decode() for s in row["secrets"]]
    return json.dumps([row["scheme"], secrets, row.get("options", {})])


def test_the_hostile_rows_cover_repeats_and_wire_bytes() -> None:
    assert any("repeated" in row["name"] for row in HOSTILE)
    assert any("not UTF-8" in row["name"] for row in HOSTILE)


def test_hostile_rows_through_a_real_server(framework: str) -> None:
    """The core's hostile rows for repeated headers and non-ASCII bytes, sent over HTTP:
    the server's answer is the row's. Timestamps are not what these rows test, so the
    receiver runs with the tolerance off (the rows are signed at a fixed `now`)."""
    groups: dict = {}
    for row in HOSTILE:
        groups.setdefault(_group(row), []).append(row)
    for group, rows in groups.items():
        scheme, secrets, options = json.loads(group)
        env = {"SCHEME": scheme, "SECRETS_B64": json.dumps(secrets), "OPTIONS": json.dumps(options), "TOLERANCE": "off"}
        with running(framework, env) as receiver:
            for row in rows:
                body = utf8(expand(row["body"]))
                headers = [(name, utf8(expand(value))) for name, value in row["headers"]]
                status, payload = post_lines(receiver.url, body, [("Content-Type", b"application/json"), *headers])
                got = {"ok": True} if status == 200 else {"error": payload.get("error")}
                assert got == row["expect"], row["name"]
