"""``Verified.event()`` for every kind of every provider: a payload built from the schema
is signed, verified and returned as ``{"kind", "payload"}`` with the payload exactly as
``json.loads`` gives it; ``validate=True`` passes it, and fails a wrong one with
``InvalidPayload`` naming the JSON path, never the value. Unknown kinds and extra fields
never fail."""

from __future__ import annotations

import copy
import json
from typing import Any, Dict, Tuple

import pytest

import hookseal
from hookseal import events
from events_samples import SECRETS, documents, every_kind, kinds_of

CASES = list(every_kind())


def cases_of(provider: str) -> list:  # type: ignore[type-arg]
    """The provider's cases, copied: a test may change its payloads."""
    return [copy.deepcopy(c) for c in CASES if c[0] == provider]
VERIFIERS = {p: hookseal.Verifier(p, [s]) for p, s in SECRETS.items()}
SECRET_VALUE = "4111111111111111"  # a value that must never appear in an error


def verified(provider: str, payload: Any) -> hookseal.Verified:
    body = json.dumps(payload).encode()
    return VERIFIERS[provider].verify(body, hookseal.sign(provider, SECRETS[provider], body))


def test_every_provider_and_kind_is_covered() -> None:
    assert set(documents()) == set(events.PROVIDERS) == set(SECRETS)
    for provider in events.PROVIDERS:
        module = getattr(events, provider)
        assert list(module.KINDS) == kinds_of(provider)
    assert {p: len(kinds_of(p)) for p in SECRETS} == {"saleslab": 13, "salesos": 18, "salesbooth": 148, "salescaling": 3}


@pytest.mark.parametrize("provider,kind,payload", CASES, ids=[f"{p}:{k}" for p, k, _ in CASES])
def test_event_round_trips_and_validates(provider: str, kind: str, payload: Dict[str, Any]) -> None:
    v = verified(provider, payload)
    event = v.event(validate=True)
    assert event == {"kind": kind, "payload": payload}
    assert event["kind"] == v.kind
    # Parsed once: the payload is the object Verified.json() holds.
    assert event["payload"] is v.json() is v.event()["payload"]


@pytest.mark.parametrize("provider", sorted(SECRETS))
def test_extra_fields_never_fail(provider: str) -> None:
    _, kind, payload = cases_of(provider)[0]
    payload = {**payload, "added_by_the_provider_later": {"nested": [1, 2]}}
    assert verified(provider, payload).event(validate=True)["payload"] == payload


@pytest.mark.parametrize("provider", sorted(SECRETS))
def test_an_unknown_kind_is_the_generic_form(provider: str) -> None:
    field = {"saleslab": "event_kind", "salesos": "type", "salesbooth": "event", "salescaling": "event"}[provider]
    payload = {field: "brand.new_kind", "id": "evt_new", "whatever": [1, {"a": None}]}
    event = verified(provider, payload).event(validate=True)
    assert event == {"kind": "brand.new_kind", "payload": payload}


def first_required(provider: str) -> Tuple[str, Dict[str, Any], str, str]:
    """A kind with a required field of type string or object, its payload, the field, its type."""
    doc = documents()[provider]
    for _, kind, payload in cases_of(provider):
        schema = doc["$defs"][next(e["type"] for e in doc["x-events"] if e["kind"] == kind)]
        for name in schema.get("required", []):
            sub = schema["properties"][name]
            if sub.get("type") in ("string", "object"):
                return kind, payload, name, sub["type"]
    raise AssertionError(f"{provider}: no required string or object field")


@pytest.mark.parametrize("provider", ["saleslab", "salesos", "salesbooth"])
def test_a_missing_required_field_names_its_path(provider: str) -> None:
    kind, payload, name, _ = first_required(provider)
    del payload[name]
    v = verified(provider, payload)
    assert v.event()["payload"] == payload  # without validate: the body as it is
    with pytest.raises(hookseal.InvalidPayload) as info:
        v.event(validate=True)
    e = info.value
    assert (e.code, e.status) == ("invalid_payload", 400)
    assert isinstance(e, hookseal.VerificationError)
    assert e.message == f"the {kind} payload does not match its schema: $.{name} is missing"


@pytest.mark.parametrize("provider", sorted(SECRETS))
def test_a_wrong_type_names_the_path_and_never_the_value(provider: str) -> None:
    doc = documents()[provider]
    for _, kind, payload in cases_of(provider):
        schema = doc["$defs"][next(e["type"] for e in doc["x-events"] if e["kind"] == kind)]
        strings = [n for n, s in schema.get("properties", {}).items() if s.get("type") == "string" and "enum" not in s]
        numbers = [n for n, s in schema.get("properties", {}).items() if s.get("type") == "number"]
        if strings:
            payload[strings[0]] = [SECRET_VALUE]
            expected = f"$.{strings[0]} must be a string, not an array"
            break
        if numbers:
            payload[numbers[0]] = SECRET_VALUE
            expected = f"$.{numbers[0]} must be a number, not a string"
            break
    with pytest.raises(hookseal.InvalidPayload) as info:
        verified(provider, payload).event(validate=True)
    assert info.value.message.endswith(expected)
    assert SECRET_VALUE not in str(info.value) and SECRET_VALUE not in repr(info.value)


def test_a_nested_mismatch_names_the_nested_path() -> None:
    body = {"id": "evt_1", "type": "deal.won", "created_at": "2026-01-05T10:00:00Z", "data": {"value": "1200"}}
    with pytest.raises(hookseal.InvalidPayload, match=r"\$\.data\.value must be a number, not a string$"):
        verified("salesos", body).event(validate=True)


def test_an_enum_mismatch_is_named_without_the_value() -> None:
    body = {"event": "meeting_status_changed", "status": "meeting_exploded"}
    with pytest.raises(hookseal.InvalidPayload) as info:
        verified("salescaling", body).event(validate=True)
    assert info.value.message.endswith("$.status is not one of the 6 values the schema allows")
    assert "exploded" not in info.value.message


def test_a_body_that_is_not_json_is_invalid_payload() -> None:
    v = VERIFIERS["salesos"].verify(b"not json", hookseal.sign("salesos", SECRETS["salesos"], b"not json"))
    for validate in (False, True):
        with pytest.raises(hookseal.InvalidPayload, match="not JSON"):
            v.event(validate=validate)


def test_a_scheme_without_schemas_gives_the_generic_form() -> None:
    body = b'{"id":"evt_1","type":"customer.created","data":{"object":{}}}'
    v = hookseal.Verifier("stripe", ["whsec_s"]).verify(body, hookseal.sign("stripe", "whsec_s", body))
    assert v.event(validate=True) == {"kind": "customer.created", "payload": json.loads(body)}


def test_the_package_ships_the_schemas_it_validates_with() -> None:
    from pathlib import Path

    shipped = Path(events.__file__).parent / "schemas"
    for provider, doc in documents().items():
        assert json.loads((shipped / f"{provider}.json").read_text()) == doc
