"""The values verification reads are taken natively out of the shapes servers hand over
(dict, pairs, Werkzeug, Starlette, Django) and through the package for any other: both
give the same delivery, and the envelope's headers are read in every shape."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

import pytest

import hookseal

NOW = 1_700_000_000
# No kind or id in the body: the envelope has to read SalesLab's unsigned headers.
LAB_BODY = b'{"company_id":"co_1"}'
LAB = {
    **hookseal.sign("saleslab", "sl_secret", LAB_BODY),
    "x-saleslab-event": "badge.awarded",
    "x-saleslab-delivery-id": "d_1",
    "content-type": "application/json",
}
SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SW_BODY = b'{"type":"deal.won"}'
SW = hookseal.sign("standard-webhooks", SW_SECRET, SW_BODY, timestamp=NOW, id="msg_1")


def environ(headers: Dict[str, str]) -> Dict[str, str]:
    out = {}
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        out[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    return out


def shapes(headers: Dict[str, str]) -> Dict[str, Callable[[], Any]]:
    from django.http.request import HttpHeaders
    from starlette.datastructures import Headers as StarletteHeaders
    from werkzeug.datastructures import EnvironHeaders

    raw = [(k.encode(), v.encode()) for k, v in headers.items()]

    class Mapping(dict):  # type: ignore[type-arg]
        """A dict subclass: not a shape read natively."""

    return {
        "dict": lambda: dict(headers),
        "title-case dict": lambda: {k.title(): v for k, v in headers.items()},
        "dict subclass": lambda: Mapping(headers),
        "list of str pairs": lambda: list(headers.items()),
        "tuple of bytes pairs": lambda: tuple(raw),
        "iterator of pairs": lambda: iter(list(headers.items())),
        "werkzeug EnvironHeaders": lambda: EnvironHeaders(environ(headers)),
        "starlette Headers": lambda: StarletteHeaders(raw=list(raw)),
        "django HttpHeaders": lambda: HttpHeaders(environ(headers)),
    }


@pytest.mark.parametrize("shape", list(shapes(LAB)))
def test_every_shape_gives_the_envelope_headers(shape: str) -> None:
    verified = hookseal.Verifier("saleslab", ["sl_secret"]).verify(LAB_BODY, shapes(LAB)[shape]())
    assert (verified.kind, verified.event_id, verified.tenant) == ("badge.awarded", "d_1", "co_1")


@pytest.mark.parametrize("shape", list(shapes(SW)))
def test_every_shape_gives_the_signed_id(shape: str) -> None:
    v = hookseal.Verifier("standard-webhooks", [SW_SECRET])
    verified = v.verify(SW_BODY, shapes(SW)[shape](), now=NOW)
    assert (verified.event_id, verified.idempotency_key) == ("msg_1", "msg_1")


def test_an_absent_envelope_header_is_absent_in_every_shape() -> None:
    only = {k: v for k, v in LAB.items() if k == "x-saleslab-signature"}
    for shape, make in shapes(only).items():
        verified = hookseal.Verifier("saleslab", ["sl_secret"]).verify(LAB_BODY, make())
        assert (verified.kind, verified.event_id) == (None, None), shape


def repeated(name: str, first: str, second: str) -> List[Tuple[bytes, bytes]]:
    return [(name.encode(), first.encode()), (name.encode(), second.encode())]


def test_repeats_are_joined_natively_as_by_the_package() -> None:
    from starlette.datastructures import Headers as StarletteHeaders

    sig = LAB["x-saleslab-signature"]
    v = hookseal.Verifier("saleslab", ["sl_secret"])
    for headers in (repeated("x-saleslab-signature", sig, sig),
                    StarletteHeaders(raw=repeated("x-saleslab-signature", sig, sig)),
                    iter(repeated("X-SalesLab-Signature", sig, sig))):
        with pytest.raises(hookseal.MalformedSignature):
            v.verify(LAB_BODY, headers)


def test_a_bad_value_type_is_a_type_error_in_every_path() -> None:
    v = hookseal.Verifier("saleslab", ["sl_secret"])
    for headers in ({"x-saleslab-signature": 1}, [("x-saleslab-signature", 1)], [("x", "y", "z")]):
        with pytest.raises(TypeError):
            v.verify(LAB_BODY, headers)


def test_a_body_of_another_bytes_type_is_read_and_str_refused() -> None:
    v = hookseal.Verifier("saleslab", ["sl_secret"])
    assert v.verify(bytearray(LAB_BODY), LAB).tenant == "co_1"
    assert v.verify(memoryview(LAB_BODY), LAB).tenant == "co_1"
    with pytest.raises(TypeError):
        v.verify(LAB_BODY.decode(), LAB)  # type: ignore[arg-type]
