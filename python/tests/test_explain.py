"""``verifier.explain(body, headers, now=None)``, in ``verify``'s order: the core's
diagnosis as a ``hookseal.Explanation`` (finding codes in docs/explain.md). The
diagnosis itself is the core's and is tested there; here, that the binding hands it over
whole, for every header shape ``verify`` takes, and never raises for a rejected
delivery."""

from __future__ import annotations

import json
from typing import Any, Iterator, Tuple

import pytest

import hookseal
from hookseal import Explanation, Finding

T = 1_700_000_000
BODY = b'{"event":"deal.created","id":"evt_1"}'
HEADERS = hookseal.sign("salesbooth", "whsec_k", BODY, timestamp=T)
V = hookseal.Verifier("salesbooth", ["whsec_k"])


def test_a_verified_delivery_is_ok() -> None:
    why = V.explain(BODY, HEADERS, now=T)
    assert why == Explanation(True, None, "verified with secret #0", [])
    assert why.ok and why.code is None and why.findings == []


def test_a_rejection_has_its_code_message_and_findings() -> None:
    why = V.explain(BODY, HEADERS, now=T + 3 * 3600 + 12 * 60)
    assert not why.ok
    assert why.code == "timestamp_too_old"
    assert isinstance(why.message, str) and why.message
    assert [f.code for f in why.findings] == ["clock_skew"]
    assert isinstance(why.findings[0], Finding)
    assert "3 h 12 min behind" in why.findings[0].message


def test_it_matches_verify() -> None:
    cases = [
        (HEADERS, BODY, T),
        (HEADERS, BODY + b" ", T),
        ({}, BODY, T),
        ({**HEADERS, "x-salesbooth-timestamp": "soon"}, BODY, T),
        (HEADERS, BODY, T - 301),
    ]
    for headers, body, now in cases:
        why = V.explain(body, headers, now=now)
        try:
            V.verify(body, headers, now=now)
        except hookseal.VerificationError as e:
            assert (why.ok, why.code, why.message) == (False, e.code, e.message)
        else:
            assert why.ok


def test_secret_copy_mistakes_are_named_by_index_never_by_value() -> None:
    headers = hookseal.sign("salesos", "whsec_s3cr3tvalue", BODY)
    why = hookseal.Verifier("salesos", ["other", "s3cr3tvalue"]).explain(BODY, headers)
    assert why.code == "signature_mismatch"
    assert [f.code for f in why.findings] == ["missing_whsec_prefix"]
    assert "#1" in why.findings[0].message
    assert "s3cr3tvalue" not in repr(why)
    assert headers["x-salesos-signature"].split("=")[-1] not in repr(why)


def test_a_retired_secret_is_named() -> None:
    v = hookseal.Verifier("salesbooth", ["whsec_new", hookseal.Secret("whsec_k", not_after=T + 10)])
    why = v.explain(BODY, HEADERS, now=T + 11)
    assert why.code == "signature_mismatch"
    assert "secret_retired" in [f.code for f in why.findings]


def test_other_schemes_headers_are_read() -> None:
    stripe = hookseal.sign("stripe", "whsec_k", BODY, timestamp=T)
    why = V.explain(BODY, stripe, now=T)
    assert why.code == "missing_signature"
    assert [f.code for f in why.findings] == ["wrong_scheme"]


def pairs() -> Iterator[Tuple[str, str]]:
    yield from HEADERS.items()


class Lookup:
    """A case-insensitive ``.get`` only, as framework header objects have."""

    def get(self, name: str) -> Any:
        return {k.lower(): v for k, v in HEADERS.items()}.get(name.lower())


@pytest.mark.parametrize(
    "shape",
    [
        lambda: HEADERS,
        lambda: {k.upper(): v for k, v in HEADERS.items()},
        lambda: list(HEADERS.items()),
        lambda: tuple(HEADERS.items()),
        lambda: [(k.encode(), v.encode()) for k, v in HEADERS.items()],
        pairs,
        Lookup,
    ],
    ids=["dict", "upper dict", "pairs", "tuple", "bytes pairs", "generator", "get"],
)
def test_every_header_shape(shape: Any) -> None:
    assert V.explain(BODY, shape(), now=T).ok
    assert V.explain(BODY + b"x", shape(), now=T).code == "signature_mismatch"


@pytest.mark.parametrize("body", [bytearray(BODY), memoryview(BODY)])
def test_bytes_like_bodies(body: Any) -> None:
    assert V.explain(body, HEADERS, now=T).ok


@pytest.mark.parametrize(
    "call",
    [
        lambda: V.explain(BODY.decode(), HEADERS, now=T),
        lambda: V.explain(None, HEADERS, now=T),
        lambda: V.explain(HEADERS, now=T),
        lambda: V.explain(BODY, None, now=T),
        lambda: V.explain(BODY, 5, now=T),
        lambda: V.explain(BODY, "x-salesbooth-signature", now=T),
        lambda: V.explain(BODY, {"x-salesbooth-signature": 5}, now=T),
        lambda: V.explain(BODY, HEADERS, now="soon"),
    ],
    ids=["str body", "None body", "no headers", "None headers", "int headers", "str headers", "int value", "str now"],
)
def test_wrong_types_are_type_errors(call: Any) -> None:
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: V.explain(HEADERS, BODY, now=T),
        lambda: V.explain(list(HEADERS.items()), bytearray(BODY)),
        lambda: V.explain(HEADERS, BODY.decode()),
    ],
    ids=["dict and bytes", "pairs and bytearray", "dict and str"],
)
def test_the_headers_first_is_a_type_error_naming_the_order(call: Any) -> None:
    with pytest.raises(TypeError, match=r"explain\(body, headers\) takes the body first"):
        call()


def test_verify_and_explain_take_one_order() -> None:
    V.verify(BODY, HEADERS, now=T)
    assert V.explain(BODY, HEADERS, now=T).ok
    assert V.explain(body=BODY, headers=HEADERS, now=T).ok


def test_the_system_clock_by_default() -> None:
    fresh = hookseal.sign("salesbooth", "whsec_k", BODY)
    assert V.explain(BODY, fresh).ok
    assert V.explain(BODY, HEADERS).code == "timestamp_too_old"


def test_value_semantics() -> None:
    a = V.explain(BODY, {}, now=T)
    b = V.explain(BODY, {}, now=T)
    assert a == b and a is not b
    assert hash(a) == hash(b)
    assert a != V.explain(BODY, HEADERS, now=T)
    with pytest.raises(AttributeError):
        a.ok = True  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a.findings[0].code = "x"  # type: ignore[misc]
    assert repr(a).startswith("Explanation(ok=False, code='missing_signature', message=")
    assert repr(a.findings[0]).startswith("Finding(code='no_signature_header', message=")
    # Pattern matching by position (Python 3.10's match) takes these.
    assert Explanation.__match_args__ == ("ok", "code", "message", "findings")
    assert Finding.__match_args__ == ("code", "message")


def test_to_dict_is_the_core_json_shape() -> None:
    why = V.explain(BODY, {}, now=T)
    data = why.to_dict()
    assert list(data) == ["ok", "code", "message", "findings"]
    assert data["findings"] == [{"code": f.code, "message": f.message} for f in why.findings]
    assert hookseal._explain.from_json(json.dumps(data)) == why


def test_finding_codes_are_documented() -> None:
    from conftest import REPO

    doc = (REPO / "docs" / "explain.md")
    if not doc.exists():
        pytest.skip("docs/explain.md not written yet")
    text = doc.read_text()
    seen = set()
    for headers, body, now in [({}, BODY, T), (HEADERS, BODY, T + 4000), (HEADERS, BODY + b"\n", T)]:
        seen.update(f.code for f in V.explain(body, headers, now=now).findings)
    for code in seen:
        assert f"`{code}`" in text, code
