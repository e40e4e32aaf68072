"""hookseal.aws_lambda fed the request events AWS documents (tests/lambda_events/): each
source's shape in (raw bytes from ``isBase64Encoded``, headers from
``multiValueHeaders`` or ``headers``), the same source's response shape out."""

from __future__ import annotations

import base64
import copy
import json
import time
from pathlib import Path
from typing import Any, Dict, Tuple

import pytest

import hookseal
from hookseal.aws_lambda import verify_webhook
from hookseal.stores import MemoryStore
from test_stores_dedupe import Down

EVENTS = Path(__file__).with_name("lambda_events")
SOURCES = ["apigateway-rest", "apigateway-http", "function-url", "alb", "alb-multi-value"]
SECRET = "whsec_test"
MAX_BODY = 1024
verifier = hookseal.Verifier("salesbooth", [SECRET], max_body=MAX_BODY)
# Not UTF-8: only a base64 body carries these bytes through an event.
BINARY = b'{"event":"deal.created","id":"evt_bin","tenant_id":"t","note":"\xff\xfe\x80"}'
TEXT = '{"event":"deal.created","id":"evt_txt","tenant_id":"t","note":"caf\u00e9"}'.encode()


def event_of(source: str, body: bytes, headers: Dict[str, str], b64: bool = True) -> Dict[str, Any]:
    """The documented event of ``source`` carrying ``body`` and ``headers``, put where
    that source puts them (names as the source writes them)."""
    event: Dict[str, Any] = json.loads((EVENTS / f"{source}.json").read_text())
    event["body"] = base64.b64encode(body).decode() if b64 else body.decode("utf-8")
    event["isBase64Encoded"] = b64
    for name, value in headers.items():
        if "multiValueHeaders" in event:
            spelled = name.lower() if source.startswith("alb") else name.title()
            event["multiValueHeaders"].setdefault(spelled, []).append(value)
            if "headers" in event:
                event["headers"][spelled] = value  # payload 1.0: the last value
        else:
            event["headers"][name.lower()] = value
    return event


def signed(body: bytes) -> Dict[str, str]:
    return hookseal.sign("salesbooth", SECRET, body, timestamp=int(time.time()))


def received(webhook: hookseal.Verified, event: Dict[str, Any], context: Any) -> Dict[str, Any]:
    return {"key": webhook.idempotency_key, "body": base64.b64encode(webhook.body).decode()}


handler = verify_webhook(verifier)(received)


def answer(source: str, response: Dict[str, Any]) -> Tuple[int, Dict[str, str], Any]:
    """Status, headers and JSON of a response, checking it is ``source``'s shape."""
    assert response["isBase64Encoded"] is False
    if source.startswith("alb"):
        assert response["statusDescription"].startswith(f"{response['statusCode']} ")
    if source == "alb-multi-value":
        assert "headers" not in response
        headers = {k: v[0] for k, v in response["multiValueHeaders"].items()}
    else:
        headers = response["headers"]
    return response["statusCode"], headers, json.loads(response["body"])


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("body,b64", [(BINARY, True), (TEXT, True), (TEXT, False)], ids=["binary", "text-b64", "text"])
def test_the_exact_bytes_are_verified(source: str, body: bytes, b64: bool) -> None:
    status, headers, payload = answer(source, handler(event_of(source, body, signed(body), b64), None))
    assert status == 200, payload
    assert headers["content-type"] == "application/json"
    assert base64.b64decode(payload["body"]) == body
    assert payload["key"] in ("evt_bin", "evt_txt")


@pytest.mark.parametrize("source", SOURCES)
def test_rejections_are_answered_in_the_event_shape(source: str) -> None:
    headers = signed(BINARY)
    status, reply_headers, payload = answer(source, handler(event_of(source, BINARY + b" ", headers), None))
    assert (status, payload["error"]) == (401, "signature_mismatch")
    assert reply_headers["content-type"].startswith("application/json")
    assert SECRET not in json.dumps(payload)

    stale = hookseal.sign("salesbooth", SECRET, BINARY, timestamp=int(time.time()) - 3600)
    assert answer(source, handler(event_of(source, BINARY, stale), None))[2]["error"] == "timestamp_too_old"
    del headers["x-salesbooth-signature"]
    assert answer(source, handler(event_of(source, BINARY, headers), None))[:1] == (400,)


@pytest.mark.parametrize("source", SOURCES)
def test_the_body_is_bounded_at_max_body(source: str) -> None:
    prefix = b'{"event":"deal.created","id":"evt_max","pad":"'
    exact = prefix + b"\xff" * (MAX_BODY - len(prefix) - 2) + b'"}'
    assert len(exact) == MAX_BODY
    assert answer(source, handler(event_of(source, exact, signed(exact)), None))[0] == 200
    big = exact + b" " * (MAX_BODY * 4)
    status, _, payload = answer(source, handler(event_of(source, big, signed(big)), None))
    assert (status, payload["error"]) == (413, "payload_too_large")
    big_text = exact.replace(b"\xff", b"x") + b" " * (MAX_BODY * 4)
    status, _, payload = answer(source, handler(event_of(source, big_text, signed(big_text), False), None))
    assert (status, payload["error"]) == (413, "payload_too_large")


@pytest.mark.parametrize("source", SOURCES)
def test_a_body_that_is_not_the_sent_bytes_is_unreadable_body(source: str) -> None:
    event = event_of(source, BINARY, signed(BINARY))
    event["body"] = "not base64!"
    status, _, payload = answer(source, handler(event, None))
    assert (status, payload["error"]) == (400, "unreadable_body")
    assert "binaryMediaTypes" in payload["message"]


@pytest.mark.parametrize("source", ["apigateway-rest", "alb-multi-value"])
def test_a_repeated_signature_header_counts_as_one_joined_value(source: str) -> None:
    headers = signed(BINARY)
    event = event_of(source, BINARY, headers)
    name = next(k for k in event["multiValueHeaders"] if k.lower() == "x-salesbooth-signature")
    event["multiValueHeaders"][name].append("v1=" + "0" * 64)
    status, _, payload = answer(source, handler(event, None))
    assert (status, payload["error"]) == (400, "malformed_signature")


def test_a_v2_event_without_a_body_or_headers_is_a_typed_rejection() -> None:
    status, _, payload = answer("function-url", handler({"version": "2.0", "headers": None}, None))
    assert (status, payload["error"]) == (400, "missing_signature")
    with pytest.raises(TypeError):
        handler([], None)  # type: ignore[arg-type]


@pytest.mark.parametrize("source", SOURCES)
def test_a_response_of_the_handler_is_passed_on(source: str) -> None:
    own = {"statusCode": 202, "headers": {"x-handled": "yes"}, "body": "", "isBase64Encoded": False}
    passing = verify_webhook(verifier)(lambda webhook, event, context: own)
    assert passing(event_of(source, BINARY, signed(BINARY)), None) is own


@pytest.mark.parametrize("source", SOURCES)
def test_with_a_store_the_handler_runs_once_per_delivery(source: str) -> None:
    runs = []
    outcome: Dict[str, Any] = {"status": 200, "fail": False}

    @verify_webhook(verifier, store=MemoryStore())
    def once(webhook: hookseal.Verified, event: Dict[str, Any], context: Any) -> Dict[str, Any]:
        runs.append(webhook.idempotency_key)
        if outcome["fail"]:
            raise RuntimeError("the database is down")
        return {"statusCode": outcome["status"], "body": "{}"}

    def send(body: bytes) -> Tuple[int, Any]:
        event = event_of(source, body, signed(body))
        response = once(copy.deepcopy(event), None)
        return response["statusCode"], json.loads(response["body"])

    assert send(BINARY) == (200, {})
    assert send(BINARY) == (200, {"duplicate": True})
    assert len(runs) == 1

    body = BINARY.replace(b"evt_bin", b"evt_fails")
    outcome["fail"] = True
    with pytest.raises(RuntimeError):
        send(body)
    outcome.update(fail=False, status=429)
    assert send(body)[0] == 429  # released: the retry runs
    outcome["status"] = 204
    assert send(body) == (204, {})
    assert send(body) == (200, {"duplicate": True})
    assert len(runs) == 4


def test_a_store_that_cannot_claim_is_503_store_unavailable() -> None:
    down = verify_webhook(verifier, store=Down())(lambda webhook, event, context: pytest.fail("ran"))
    response = down(event_of("apigateway-http", BINARY, signed(BINARY)), None)
    assert (response["statusCode"], response["headers"]["retry-after"]) == (503, "5")
    assert json.loads(response["body"])["error"] == "store_unavailable"
