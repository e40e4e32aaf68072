"""The validator behind ``Verified.event(validate=True)``, keyword by keyword (the schema
format's whole list): each failure names the JSON path and what was expected, in the
words every runtime uses (npm/src/events-validate.js), and never the value."""

from __future__ import annotations

from typing import Any, Dict, Optional

import pytest

from hookseal.events._validate import compile_schema

DEFS: Dict[str, Any] = {
    "Amount": {"type": "object", "properties": {"value": {"type": "number"}}, "required": ["value"]},
}
SCHEMA: Dict[str, Any] = {
    "type": "object",
    "properties": {
        "kind": {"const": "deal.won"},
        "count": {"type": "integer"},
        "flag": {"type": "boolean"},
        "stage": {"type": "string", "enum": ["open", "won"]},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
        "amount": {"$ref": "#/$defs/Amount"},
        "lines": {"type": "array", "items": {"$ref": "#/$defs/Amount"}},
        "closed": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": False},
        "either": {"type": ["string", "integer"]},
        "odd key": {"type": "object", "properties": {"a b": {"type": "string"}}},
        "anything": {"description": "no type: any value"},
    },
    "required": ["kind"],
    "additionalProperties": True,
}
check = compile_schema(SCHEMA, DEFS)


def problem(**fields: Any) -> Optional[str]:
    return check({"kind": "deal.won", **fields}, "$")


def test_a_payload_that_matches_passes_with_extra_fields() -> None:
    assert problem(count=3, flag=False, stage="won", note=None, amount={"value": 1.5}, lines=[{"value": 2}],
                   closed={"a": "x"}, either=7, anything=[1], extra={"new": True}) is None
    assert problem(note="text", count=2.0, either="x") is None  # 2.0 is an integer in JSON


@pytest.mark.parametrize("fields,message", [
    ({"kind": "deal.lost"}, '$.kind must be "deal.won"'),
    ({"count": True}, "$.count must be an integer, not a boolean"),
    ({"count": 1.5}, "$.count must be an integer, not a number"),
    ({"flag": 1}, "$.flag must be a boolean, not a number"),
    ({"stage": "lost"}, "$.stage is not one of the 2 values the schema allows"),
    ({"note": 5}, "$.note must be a string, not a number"),
    ({"amount": {}}, "$.amount.value is missing"),
    ({"amount": {"value": "12"}}, "$.amount.value must be a number, not a string"),
    ({"lines": [{"value": 1}, {"value": None}]}, "$.lines[1].value must be a number, not null"),
    ({"closed": {"a": "x", "b": 1}}, "$.closed.b is not a field the schema allows"),
    ({"either": 1.5}, "$.either must be a string or an integer, not a number"),
    ({"odd key": {"a b": 1}}, '$["odd key"]["a b"] must be a string, not a number'),
])
def test_a_mismatch_names_its_path(fields: Dict[str, Any], message: str) -> None:
    assert problem(**fields) == message


def test_a_missing_required_field_and_a_wrong_root() -> None:
    assert check({}, "$") == "$.kind is missing"
    assert check([], "$") == "$ must be an object, not an array"


def test_no_value_is_ever_in_a_message() -> None:
    secret = "4111 1111 1111 1111"
    for fields in ({"count": secret}, {"stage": secret}, {"amount": {"value": secret}}, {"kind": secret}):
        message = problem(**fields)
        assert message is not None and secret not in message


def test_a_long_odd_key_is_cut() -> None:
    message = check({"kind": "deal.won", "closed": {"x" * 100 + " y": 1}}, "$")
    assert message == '$.closed["' + "x" * 64 + '\u2026"] is not a field the schema allows'
