"""Every shared conformance vector, through the public Python API."""

from __future__ import annotations

from typing import Any, Dict

import pytest

import hookseal
from conftest import body_of, load_vectors

CASES = load_vectors()
FIELDS = ("secret_index", "timestamp", "kind", "event_id", "tenant", "idempotency_key")


def test_vectors_are_present() -> None:
    assert len(CASES) > 0, "core/vectors/*.json holds no case"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case: Dict[str, Any]) -> None:
    if case.get("op", "verify") == "sign":
        check_sign(case)
    else:
        check_verify(case)


def check_verify(case: Dict[str, Any]) -> None:
    expect = case["expect"]
    try:
        verifier = hookseal.Verifier(case["scheme"], case["secrets"], **case.get("options", {}))
        # The vector's headers are ordered pairs with repeats: the pairs input keeps them.
        verified = verifier.verify(body_of(case), case["headers"], now=case["now"])
    except hookseal.VerificationError as e:
        assert "error" in expect, f"unexpected {e.code}: {e.message}"
        assert e.code == expect["error"]
        assert type(e) is hookseal.ERROR_CLASSES[e.code]
        return
    assert "error" not in expect, f"accepted; expected {expect.get('error')}"
    got = {field: getattr(verified, field) for field in FIELDS if field in expect}
    assert got == {field: expect[field] for field in FIELDS if field in expect}
    assert verified.body == body_of(case)


def check_sign(case: Dict[str, Any]) -> None:
    expect = case["expect"]
    try:
        headers = hookseal.sign(
            case["scheme"],
            case["secret"],
            body_of(case),
            timestamp=case.get("timestamp"),
            id=case.get("id"),
            **case.get("options", {}),
        )
    except hookseal.VerificationError as e:
        assert e.code == expect.get("error"), e.message
        return
    assert list(headers.items()) == [tuple(h) for h in expect["headers"]]
