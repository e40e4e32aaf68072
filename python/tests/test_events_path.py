"""``hookseal.InvalidPayload`` from ``Verified.event(validate=True)`` carries the JSON path
of the mismatch as ``.path`` (JS's error's ``.path``, Go's ``events.Error.Path``): the
path its message names, keys with spaces, quotes and indexes included; ``"$"`` for a body
that is not JSON."""

from __future__ import annotations

import json
from typing import Any, Dict

import pytest

import hookseal
from hookseal.events._validate import compile_schema

SECRET = "whsec_x"
VERIFIER = hookseal.Verifier("salesos", [SECRET])


def invalid(body: bytes) -> hookseal.InvalidPayload:
    verified = VERIFIER.verify(body, hookseal.sign("salesos", SECRET, body))
    with pytest.raises(hookseal.InvalidPayload) as caught:
        verified.event(validate=True)
    return caught.value


def deal_won(data: Dict[str, Any]) -> bytes:
    return json.dumps({"id": "e1", "type": "deal.won", "created_at": "2026-01-05T10:00:00Z", "data": data}).encode()


def test_a_mismatch_carries_its_path() -> None:
    error = invalid(deal_won({"id": "d_1", "value": "12.5"}))
    assert error.path == "$.data.value"
    assert (error.code, error.status) == ("invalid_payload", 400)
    assert f"{error.path} must be a number" in error.message
    assert "12.5" not in error.message and "12.5" not in error.path


def test_a_body_that_is_not_json_has_the_root_path() -> None:
    assert invalid(b'{"id":').path == "$"


@pytest.mark.parametrize(
    "payload, path",
    [
        ({"a b": {"c": 1}}, '$["a b"].c'),
        ({'say "hi"\\ now': {"c": 1}}, '$["say \\"hi\\"\\\\ now"].c'),
        ({"list": [{"c": "x"}, {"c": 2}]}, "$.list[1].c"),
        ({"list": [{}, {"c": 1}], "z": 1}, "$.list[0].c"),
    ],
)
def test_odd_keys_and_indexes(payload: Dict[str, Any], path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A schema of its own, to reach keys the providers' schemas do not have.
    inner = {"type": "object", "required": ["c"], "properties": {"c": {"type": "string"}}}
    schema = {
        "type": "object",
        "properties": {
            "a b": inner,
            'say "hi"\\ now': inner,
            "list": {"type": "array", "items": inner},
            "z": {"type": "integer"},
        },
    }
    from hookseal import _event

    monkeypatch.setitem(_event._checks, ("salesos", "deal.won"), compile_schema(schema, {}))
    envelope = {"id": "e1", "type": "deal.won", "created_at": "2026-01-05T10:00:00Z"}
    error = invalid(json.dumps({**envelope, **payload}).encode())
    assert error.path == path
    assert error.message.endswith(f": {path} must be a string, not a number") or error.message.endswith(
        f": {path} is missing"
    )


def test_the_class_declares_it_and_other_errors_do_not_have_it() -> None:
    assert hookseal.InvalidPayload.path is None
    assert hookseal.InvalidPayload("by hand").path is None
    assert not hasattr(hookseal.SignatureMismatch("x"), "path")
