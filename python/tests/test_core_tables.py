"""The tables the package reads from the core, held to the core: the scheme table, the
option parser (an unknown option is the core's ``invalid_option``, as in every runtime)
and the most header names a verifier reads."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict

import pytest

import hookseal
from hookseal import _native

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_schemes_is_the_core_table() -> None:
    assert hookseal.schemes() == json.loads(_native.schemes_json())
    assert tuple(row["id"] for row in hookseal.schemes()) == hookseal.SCHEMES


def test_schemes_is_a_fresh_copy() -> None:
    hookseal.schemes()[0]["id"] = "changed"
    assert hookseal.schemes()[0]["id"] == hookseal.SCHEMES[0]


def test_detect_reads_each_signature_header_of_the_table() -> None:
    headers = [row["signature_header"] for row in hookseal.schemes() if row["signature_header"]]
    assert _native.DETECT_HEADERS == headers
    for row in hookseal.schemes():
        if row["signature_header"]:
            assert hookseal.detect({row["signature_header"]: "x"}) == row["id"]


# The widest configuration of every scheme: each header option it takes, set.
WIDEST: Dict[str, Dict[str, Any]] = {
    "salescaling": {"header": "x-token"},
    "custom": {"header": "x-sig", "content": "id.ts.body", "timestamp_header": "x-ts", "id_header": "x-id"},
}


def test_max_header_names_is_the_most_any_verifier_reads() -> None:
    counts = [
        len(hookseal.Verifier(s, [SECRET], **WIDEST.get(s, {})).header_names()) for s in hookseal.SCHEMES
    ]
    assert hookseal.MAX_HEADER_NAMES == _native.MAX_HEADER_NAMES == max(counts)


@pytest.mark.parametrize(
    "make",
    [
        lambda: hookseal.Verifier("saleslab", ["s"], tolerence=300),
        lambda: hookseal.Verifier("saleslab", ["s"], colour=None),
        lambda: hookseal.Verifier("saleslab", ["s"], maxBody=1024),
        lambda: hookseal.sign("saleslab", "s", b"{}", colour="blue"),
    ],
    ids=["misspelt", "unknown None", "camelCase", "sign"],
)
def test_an_unknown_option_is_the_core_invalid_option(make: Callable[[], Any]) -> None:
    with pytest.raises(hookseal.InvalidOption) as caught:
        make()
    assert caught.value.code == "invalid_option"
    assert "unknown option" in caught.value.message


@pytest.mark.parametrize(
    "options",
    [{"tolerance": "300"}, {"tolerance": 300}, {"tolerance": 300.0}, {"tolerance": "off"}],
)
def test_option_values_are_parsed_by_the_core(options: Dict[str, Any]) -> None:
    expected = "off" if options["tolerance"] == "off" else 300
    assert hookseal.Verifier("salesbooth", ["s"], **options).tolerance == expected
