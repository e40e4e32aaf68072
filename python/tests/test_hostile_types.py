"""Wrong Python types in every argument of the API: each is a ``TypeError`` naming the
mistake, never a crash of the extension and never a ``VerificationError`` (the hostile
byte-level rows are in test_hostile.py; test_api.py has the common mistakes)."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

import pytest

import hookseal

NOW = 1_700_000_000
SECRET = "whsec_hostile"
BODY = b'{"event_kind":"badge.awarded","delivery_id":"d_1"}'
HEADERS = hookseal.sign("saleslab", SECRET, BODY)
SIG = HEADERS["x-saleslab-signature"]
LAB = hookseal.Verifier("saleslab", [SECRET])


class Opaque:
    """An object with no protocol at all."""


# Numbers, None and objects where a string (or bytes) belongs.
WRONG: Dict[str, Any] = {
    "int": 42,
    "float": 1.5,
    "bool": True,
    "None": None,
    "dict": {"a": 1},
    "list": [1],
    "object": Opaque(),
    "huge int": 2**200,
}


def kinds(*skip: str) -> List[Tuple[str, Any]]:
    return [(k, v) for k, v in WRONG.items() if k not in skip]


# (slot, call, kinds that are not a type error there and why)
SLOTS: List[Tuple[str, Callable[[Any], Any], Tuple[str, ...]]] = [
    ("scheme", lambda x: hookseal.Verifier(x, [SECRET]), ()),
    # A list of secrets is the right type ([1] fails on its element, below).
    ("secrets", lambda x: hookseal.Verifier("saleslab", x), ()),
    ("one secret", lambda x: hookseal.Verifier("saleslab", [SECRET, x]), ()),
    ("body", lambda x: LAB.verify(x, HEADERS, now=NOW), ()),
    # None means "no header" in a mapping, but the headers themselves cannot be None;
    # a dict is a mapping and a list of pairs is pairs: those are right types.
    ("headers", lambda x: LAB.verify(BODY, x, now=NOW), ("dict",)),
    # None is the absent value: missing_signature, tested below.
    ("header value in a dict", lambda x: LAB.verify(BODY, {"x-saleslab-signature": x}, now=NOW), ("None",)),
    ("header value in pairs", lambda x: LAB.verify(BODY, [("x-saleslab-signature", x)], now=NOW), ("None",)),
    ("header name in pairs", lambda x: LAB.verify(BODY, [(x, SIG)], now=NOW), ()),
    # None is "the system clock"; a bool is an int to Python (True is second 1).
    ("now", lambda x: LAB.verify(BODY, HEADERS, now=x), ("None", "int", "huge int", "bool")),
    ("sign secret", lambda x: hookseal.sign("saleslab", x, BODY), ()),
    ("sign body", lambda x: hookseal.sign("saleslab", SECRET, x), ()),
    ("sign scheme", lambda x: hookseal.sign(x, SECRET, BODY), ()),
    ("detect", lambda x: hookseal.detect(x), ("dict",)),
]


def _with_option(scheme: str, base: Dict[str, str], option: str) -> Callable[[Any], Any]:
    return lambda x: hookseal.Verifier(scheme, ["s"], **{**base, option: x})


# Options: None is the scheme's default, so every other wrong type.
for _option, _scheme in [
    ("header", "salescaling"),
    ("prefix", "salescaling"),
    ("encoding", "custom"),
    ("content", "custom"),
    ("timestamp_header", "custom"),
    ("id_header", "custom"),
    ("tolerance", "salesbooth"),
    ("max_body", "salesbooth"),
]:
    _base = {"header": "x-sig"} if _scheme == "custom" else {}
    # A number of the wrong kind (1.5, 2**200) is a value the core refuses: tested below.
    _numeric = ("None", "int", "huge int", "float")
    _skip: Tuple[str, ...] = _numeric if _option in ("tolerance", "max_body") else ("None",)
    SLOTS.append((f"option {_option}", _with_option(_scheme, _base, _option), _skip))

CASES = [(f"{slot}: {kind}", call, value) for slot, call, skip in SLOTS for kind, value in kinds(*skip)]


@pytest.mark.parametrize("call,value", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wrong_type_is_a_type_error(call: Callable[[Any], Any], value: Any) -> None:
    with pytest.raises(TypeError):
        call(value)


def test_none_as_a_header_value_is_an_absent_header() -> None:
    for headers in ({"x-saleslab-signature": None}, [("x-saleslab-signature", None)]):
        with pytest.raises(hookseal.MissingSignature):
            LAB.verify(BODY, headers, now=NOW)


def test_a_huge_or_negative_now_is_a_typed_answer() -> None:
    booth = hookseal.Verifier("salesbooth", [SECRET])
    signed = hookseal.sign("salesbooth", SECRET, BODY, timestamp=NOW)
    for now in (2**62, -(2**62), 2**64, -(2**64)):
        with pytest.raises((hookseal.VerificationError, OverflowError)):
            booth.verify(BODY, signed, now=now)


def test_a_huge_max_body_or_tolerance_is_refused_not_wrapped() -> None:
    for options in (
        {"max_body": 2**200},
        {"max_body": -1},
        {"max_body": 1.5},
        {"tolerance": 2**200},
        {"tolerance": -1},
        {"tolerance": 1.5},
    ):
        with pytest.raises((hookseal.VerificationError, OverflowError, ValueError)):
            hookseal.Verifier("salesbooth", ["s"], **options)
