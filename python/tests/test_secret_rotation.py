"""Secrets with a rotation window: ``hookseal.Secret(value, not_after=...)`` and
``{"secret": ..., "not_after": ...}`` entries, mixed with str and bytes in a secrets list.
A secret verifies while ``now <= not_after`` and is skipped after (docs/schemes.md)."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from typing import Any, List

import pytest

import hookseal

T = 1_700_000_000  # 2023-11-14T22:13:20Z
BODY = b'{"event":"deal.created","id":"evt_1"}'
OLD = hookseal.sign("salesbooth", "whsec_old", BODY, timestamp=T)
NEW = hookseal.sign("salesbooth", "whsec_new", BODY, timestamp=T)
AWARE = datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)


def verifier(*secrets: Any) -> hookseal.Verifier:
    return hookseal.Verifier("salesbooth", list(secrets), tolerance="off")


@pytest.mark.parametrize(
    "old",
    [
        hookseal.Secret("whsec_old", not_after=T),
        hookseal.Secret(b"whsec_old", not_after=T),
        hookseal.Secret("whsec_old", not_after=AWARE),
        hookseal.Secret("whsec_old", not_after=AWARE.astimezone(timezone(timedelta(hours=-5)))),
        hookseal.Secret("whsec_old", not_after=T + 0.75),
        {"secret": "whsec_old", "not_after": T},
        {"secret": b"whsec_old", "not_after": AWARE},
        {"not_after": float(T), "secret": "whsec_old"},
    ],
    ids=["int", "bytes", "utc", "other-zone", "float", "dict", "dict-datetime", "dict-float"],
)
def test_a_secret_verifies_until_not_after_and_not_after(old: Any) -> None:
    v = verifier("whsec_new", old)
    assert v.verify(BODY, OLD, now=T).secret_index == 1
    with pytest.raises(hookseal.SignatureMismatch):
        v.verify(BODY, OLD, now=T + 1)
    # The other secret is untouched, and secret_index indexes the list as given.
    assert v.verify(BODY, NEW, now=T + 10**6).secret_index == 0


def test_retired_first_secret_keeps_indexes() -> None:
    v = verifier(hookseal.Secret("whsec_old", not_after=T - 1), "whsec_new")
    assert v.verify(BODY, NEW, now=T).secret_index == 1
    with pytest.raises(hookseal.SignatureMismatch):
        v.verify(BODY, OLD, now=T)


def test_without_not_after_never_retires() -> None:
    for entry in (hookseal.Secret("whsec_old"), {"secret": "whsec_old"}, {"secret": "whsec_old", "not_after": None}):
        assert verifier(entry).verify(BODY, OLD, now=2**40).secret_index == 0


def test_microseconds_round_down() -> None:
    s = hookseal.Secret("k", not_after=AWARE + timedelta(microseconds=999_999))
    assert s.not_after == T
    before_epoch = datetime(1969, 12, 31, 23, 59, 59, 500_000, tzinfo=timezone.utc)
    assert hookseal.Secret("k", not_after=before_epoch).not_after == -1
    assert hookseal.Secret("k", not_after=-0.5).not_after == -1


def test_the_system_clock_is_used_without_now() -> None:
    fresh = hookseal.sign("salesbooth", "whsec_old", BODY)
    past = verifier(hookseal.Secret("whsec_old", not_after=T))
    with pytest.raises(hookseal.SignatureMismatch):
        past.verify(BODY, fresh)
    future = verifier(hookseal.Secret("whsec_old", not_after=datetime.now(timezone.utc) + timedelta(days=1)))
    assert future.verify(BODY, fresh).secret_index == 0


def test_tuple_of_secrets() -> None:
    v = hookseal.Verifier("salesbooth", ("whsec_new", hookseal.Secret("whsec_old", not_after=T)))
    assert v.verify(BODY, OLD, now=T).secret_index == 1


def test_repr_never_shows_the_secret() -> None:
    s = hookseal.Secret("whsec_topsecret", not_after=T)
    assert repr(s) == f"Secret([redacted], not_after={T})"
    assert str(hookseal.Secret(b"whsec_topsecret")) == "Secret([redacted])"
    v = verifier("whsec_new", s, {"secret": "whsec_topsecret2", "not_after": T})
    assert "topsecret" not in repr(v)
    assert repr(v).startswith("Verifier('salesbooth', secrets=[3 redacted]")
    assert not hasattr(s, "value")
    with pytest.raises(AttributeError):
        s.not_after = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    "not_after",
    [datetime(2023, 11, 14, 22, 13, 20), math.nan, math.inf, -math.inf, 2**63, -(2**63) - 1, 1e300],
    ids=["naive", "nan", "inf", "-inf", "2**63", "below", "1e300"],
)
def test_bad_not_after_is_invalid_option(not_after: Any) -> None:
    for build in (
        lambda: hookseal.Secret("whsec_old", not_after=not_after),
        lambda: verifier({"secret": "whsec_old", "not_after": not_after}),
    ):
        with pytest.raises(hookseal.InvalidOption) as e:
            build()
        assert e.value.code == "invalid_option"
        assert "whsec_old" not in str(e.value)


def test_naive_datetime_message_says_what_to_do() -> None:
    with pytest.raises(hookseal.InvalidOption, match="naive datetime.*tzinfo"):
        hookseal.Secret("k", not_after=datetime(2030, 1, 1))


@pytest.mark.parametrize("not_after", [True, "1700000000", date(2023, 11, 14), [T], object()])
def test_wrong_not_after_type_is_a_type_error(not_after: Any) -> None:
    with pytest.raises(TypeError, match="not_after must be an aware datetime or unix seconds"):
        hookseal.Secret("k", not_after=not_after)
    with pytest.raises(TypeError, match="not_after must be"):
        verifier({"secret": "k", "not_after": not_after})


def test_not_after_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        hookseal.Secret("k", T)  # type: ignore[misc]


@pytest.mark.parametrize(
    "entry, error, match",
    [
        ({"secret": "k", "notAfter": T}, hookseal.InvalidOption, "unknown key 'notAfter'"),
        ({"secret": "k", 1: T}, hookseal.InvalidOption, "unknown key 1"),
        ({"not_after": T}, TypeError, "without a \"secret\" key"),
        ({"secret": 5}, TypeError, "a secret must be str or bytes"),
        (5, TypeError, "secret 1 must be str, bytes, Secret or dict, not int"),
        ({"secret": ""}, hookseal.InvalidSecret, "empty"),
        (hookseal.Secret(""), hookseal.InvalidSecret, "empty"),
        ({"secret": "k\n"}, hookseal.InvalidSecret, "secret 1"),
        (hookseal.Secret(" k", not_after=T), hookseal.InvalidSecret, "secret 1"),
    ],
)
def test_bad_entries(entry: Any, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        verifier("whsec_new", entry)


def test_a_secret_is_accepted_wherever_a_list_is() -> None:
    secrets: List[Any] = [hookseal.Secret("whsec_old", not_after=T), {"secret": "whsec_new"}]
    for scheme, headers in [
        ("salesbooth", OLD),
        ("saleslab", hookseal.sign("saleslab", "whsec_old", BODY)),
        ("salesos", hookseal.sign("salesos", "whsec_old", BODY)),
    ]:
        assert hookseal.Verifier(scheme, secrets).verify(BODY, headers, now=T).secret_index == 0
        with pytest.raises(hookseal.SignatureMismatch):
            hookseal.Verifier(scheme, secrets).verify(BODY, headers, now=T + 1)
