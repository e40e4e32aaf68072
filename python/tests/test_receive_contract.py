"""Python's reply table is the core's: every class, status, Retry-After and message comes
from `_native.receive_contract()`, and the answers are the core's bytes."""

from __future__ import annotations

import json

import pytest

import hookseal
from hookseal import _native
from hookseal._receive import claim_answer, on_handler, rejection, retry_after

CONTRACT = json.loads(_native.receive_contract())
CLASSES = {**hookseal.ERROR_CLASSES, **hookseal.EDGE_CLASSES}


def test_every_code_of_the_core_has_its_class() -> None:
    assert list(CLASSES) == list(CONTRACT["replies"])
    # The verification codes are those the native module raises, in its order.
    assert [(c, s) for c, s in _native.error_codes()] == [
        (c, CONTRACT["replies"][c]["status"]) for c in hookseal.ERROR_CLASSES
    ]


@pytest.mark.parametrize("code", list(CONTRACT["replies"]))
def test_each_class_answers_its_row(code: str) -> None:
    row = CONTRACT["replies"][code]
    cls = CLASSES[code]
    assert (cls.code, cls.status, cls.retry_after, cls.default_message) == (
        code,
        row["status"],
        row["retry_after"],
        row["message"],
    )
    answer = rejection(code, lease_left=2.5)
    assert answer.status == row["status"]
    assert json.loads(answer.body) == {"error": code, "message": row["message"]}
    headers = dict(answer.headers)
    assert headers["content-type"] == "application/json; charset=utf-8"
    want = {None: None, "lease_left": "3"}.get(row["retry_after"], str(row["retry_after"]))
    assert headers.get("retry-after") == want


def test_edge_classes_are_receive_errors_not_verification_errors() -> None:
    assert issubclass(hookseal.StoreUnavailable, hookseal.ReceiveError)
    assert not issubclass(hookseal.StoreUnavailable, hookseal.VerificationError)
    assert hookseal.StoreUnavailable().message == CONTRACT["replies"]["store_unavailable"]["message"]


def test_the_core_examples() -> None:
    # The values of core/src/receive.rs's own doc example.
    answer = claim_answer("processing", 41.2)
    assert answer is not None and answer.status == 503 and dict(answer.headers)["retry-after"] == "42"
    assert answer.body == (
        b'{"error":"delivery_in_progress","message":"this delivery is being processed by another attempt; retry later"}'
    )
    assert [retry_after("delivery_in_progress", s) for s in (0, 0.001, 1, 1.001)] == [1, 1, 1, 2]
    assert on_handler(429) == "release" and on_handler(204) == "complete" and on_handler(None) == "release"
    assert claim_answer("first") is None
    done = claim_answer("done")
    assert done is not None and (done.status, done.body) == (200, b'{"duplicate":true}')
    failed = claim_answer("failed")
    assert failed is not None and (failed.status, dict(failed.headers)["retry-after"]) == (503, "5")


def test_receive_contract_is_a_fresh_copy() -> None:
    doc = hookseal.receive_contract()
    doc["lease_seconds"] = 1
    assert hookseal.receive_contract()["lease_seconds"] == CONTRACT["lease_seconds"]
