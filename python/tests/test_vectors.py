"""Every shared conformance vector, through the public Python API."""

from __future__ import annotations

from typing import Any, Dict

import json

import pytest

import hookseal
from conftest import VECTORS, body_of, load_vectors

CASES = load_vectors()
# Secrets with a rotation window (core/vectors/README.md, "Rotation windows"): entries
# may be {"secret", "not_after"} objects, run as given and as hookseal.Secret.
ROTATION = [
    case
    for path in sorted((VECTORS / "rotation").glob("*.json"))
    for case in json.loads(path.read_text())
]
FIELDS = ("secret_index", "timestamp", "kind", "event_id", "tenant", "idempotency_key")


def test_vectors_are_present() -> None:
    assert len(CASES) > 0, "core/vectors/*.json holds no case"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case: Dict[str, Any]) -> None:
    if case.get("op", "verify") == "sign":
        check_sign(case)
    else:
        check_verify(case)


def test_rotation_vectors_are_present() -> None:
    if not (VECTORS / "rotation").is_dir():
        pytest.skip("core/vectors/rotation/ not generated yet")
    assert len(ROTATION) > 0, "core/vectors/rotation/*.json holds no case"


def as_secret(entry: Any) -> Any:
    """A vector's secrets entry in the Secret form (strings stay strings)."""
    if isinstance(entry, dict):
        return hookseal.Secret(entry["secret"], not_after=entry.get("not_after"))
    return entry


@pytest.mark.parametrize("form", ["dict", "Secret"])
@pytest.mark.parametrize("case", ROTATION, ids=[c["name"] for c in ROTATION])
def test_rotation_vector(case: Dict[str, Any], form: str) -> None:
    assert case.get("op", "verify") == "verify"
    secrets = case["secrets"] if form == "dict" else [as_secret(s) for s in case["secrets"]]
    check_verify(case, secrets)


def check_verify(case: Dict[str, Any], secrets: Any = None) -> None:
    expect = case["expect"]
    try:
        secrets = case["secrets"] if secrets is None else secrets
        verifier = hookseal.Verifier(case["scheme"], secrets, **case.get("options", {}))
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
