"""The Python API beyond the vectors: header shapes, types, errors, laziness, repr."""

from __future__ import annotations

import ast
import email.message
import os
import random
from pathlib import Path

import pytest

import hookseal
from hookseal import _native

NOW = 1_700_000_000
BODY = b'{"event":"deal.created","id":"evt_1","tenant_id":"t_1","data":{}}'
HEADERS = hookseal.sign("salesbooth", "whsec_test", BODY, timestamp=NOW)


@pytest.fixture
def verifier() -> hookseal.Verifier:
    return hookseal.Verifier("salesbooth", ["whsec_test"])


# --- headers in every shape -------------------------------------------------------


def shapes():
    sig, ts = HEADERS["x-salesbooth-signature"], HEADERS["x-salesbooth-timestamp"]
    from django.http.request import HttpHeaders
    from starlette.datastructures import Headers as StarletteHeaders
    from werkzeug.datastructures import EnvironHeaders, Headers as WerkzeugHeaders

    message = email.message.Message()
    message["X-Salesbooth-Signature"] = sig
    message["X-Salesbooth-Timestamp"] = ts
    environ = {"HTTP_X_SALESBOOTH_SIGNATURE": sig, "HTTP_X_SALESBOOTH_TIMESTAMP": ts}
    return {
        "lowercase dict": {"x-salesbooth-signature": sig, "x-salesbooth-timestamp": ts},
        "mixed-case dict": {"X-Salesbooth-Signature": sig, "X-SALESBOOTH-TIMESTAMP": ts},
        "bytes-key dict": {b"X-Salesbooth-Signature": sig.encode(), b"x-salesbooth-timestamp": ts},
        "dict missing a name in lowercase": {"x-salesbooth-signature": sig, "X-Salesbooth-Timestamp": ts},
        "bytes values": {"x-salesbooth-signature": sig.encode(), "x-salesbooth-timestamp": ts.encode()},
        "str pairs": [("X-Salesbooth-Signature", sig), ("X-Salesbooth-Timestamp", ts)],
        "ASGI raw pairs": [(b"x-salesbooth-signature", sig.encode()), (b"x-salesbooth-timestamp", ts.encode())],
        "tuple of lists": (["X-Salesbooth-Signature", sig], ["X-Salesbooth-Timestamp", ts]),
        "iterator of pairs": iter([("X-Salesbooth-Signature", sig), ("X-Salesbooth-Timestamp", ts)]),
        "werkzeug Headers": WerkzeugHeaders([("X-Salesbooth-Signature", sig), ("X-Salesbooth-Timestamp", ts)]),
        "werkzeug EnvironHeaders": EnvironHeaders(environ),
        "starlette Headers": StarletteHeaders({"X-Salesbooth-Signature": sig, "X-Salesbooth-Timestamp": ts}),
        "django HttpHeaders": HttpHeaders(environ),
        "email Message": message,
    }


@pytest.mark.parametrize("name", list(shapes()))
def test_every_header_shape_verifies(verifier: hookseal.Verifier, name: str) -> None:
    verified = verifier.verify(BODY, shapes()[name], now=NOW)
    assert (verified.kind, verified.tenant, verified.timestamp) == ("deal.created", "t_1", NOW)


def outcome(verifier: hookseal.Verifier, headers: object) -> object:
    try:
        return verifier.verify(BODY, headers, now=NOW).secret_index
    except hookseal.VerificationError as e:
        return e.code


WRONG = "v1=" + "0" * 64


@pytest.mark.parametrize("wrong_first", [False, True])
def test_a_repeated_pair_is_one_value_joined(verifier: hookseal.Verifier, wrong_first: bool) -> None:
    # The header rule: repeats count as one value, joined with ", " in arrival order.
    right = HEADERS["x-salesbooth-signature"]
    values = [WRONG, right] if wrong_first else [right, WRONG]
    pairs = [("X-Salesbooth-Signature", v) for v in values] + [("x-salesbooth-timestamp", str(NOW))]
    joined = {"x-salesbooth-signature": ", ".join(values), "x-salesbooth-timestamp": str(NOW)}
    assert outcome(verifier, pairs) == outcome(verifier, joined)
    as_bytes = [(n.encode(), v.encode()) for n, v in pairs]
    assert outcome(verifier, as_bytes) == outcome(verifier, joined)


def test_dict_names_differing_only_by_case_are_joined(verifier: hookseal.Verifier) -> None:
    right = HEADERS["x-salesbooth-signature"]
    both = {"X-Salesbooth-Signature": right, "X-SALESBOOTH-SIGNATURE": WRONG, "x-salesbooth-timestamp": str(NOW)}
    joined = {"x-salesbooth-signature": f"{right}, {WRONG}", "x-salesbooth-timestamp": str(NOW)}
    assert outcome(verifier, both) == outcome(verifier, joined)


def test_latin1_text_is_sent_as_its_wire_bytes() -> None:
    # A framework decodes header bytes as latin-1: the core must see the bytes.
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    v = hookseal.Verifier("standard-webhooks", [secret])
    body = b'{"type":"deal.won"}'
    signed = hookseal.sign("standard-webhooks", secret, body, timestamp=NOW, id="msg_\u00e9")
    wire = {k: value.encode() for k, value in signed.items()}
    as_text = {k: b.decode("latin-1") for k, b in wire.items()}
    assert v.verify(body, as_text, now=NOW).secret_index == v.verify(body, wire, now=NOW).secret_index == 0


def test_only_the_verifier_header_names_are_read(verifier: hookseal.Verifier) -> None:
    class Headers:
        def __init__(self) -> None:
            self.asked: list = []

        def get(self, name: str):  # type: ignore[no-untyped-def]
            self.asked.append(name)
            return HEADERS.get(name)

    headers = Headers()
    verifier.verify(BODY, headers, now=NOW)
    assert headers.asked == list(verifier.header_names())


# --- types ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda v: v.verify("a str body", HEADERS, now=NOW),
        lambda v: v.verify(None, HEADERS, now=NOW),
        lambda v: v.verify(123, HEADERS, now=NOW),
        lambda v: v.verify(BODY, None, now=NOW),
        lambda v: v.verify(BODY, "x-salesbooth-signature: v1=00", now=NOW),
        lambda v: v.verify(BODY, 42, now=NOW),
        lambda v: v.verify(BODY, [("only-a-name",)], now=NOW),
        lambda v: v.verify(BODY, [(1, "value")], now=NOW),
        lambda v: v.verify(BODY, {"x-salesbooth-signature": 5, "x-salesbooth-timestamp": "1"}, now=NOW),
        lambda v: v.verify(BODY, HEADERS, now="1700000000"),
        lambda v: v.verify(BODY, HEADERS, now=1.5),
    ],
)
def test_wrong_argument_types_raise_type_error(verifier: hookseal.Verifier, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        call(verifier)


@pytest.mark.parametrize(
    "make",
    [
        lambda: hookseal.Verifier("salesbooth", "whsec_test"),
        lambda: hookseal.Verifier("salesbooth", [123]),
        lambda: hookseal.Verifier("salesbooth", None),  # type: ignore[arg-type]
        lambda: hookseal.Verifier(7, ["s"]),  # type: ignore[arg-type]
        lambda: hookseal.Verifier("salesbooth", ["s"], tolerance=True),
        lambda: hookseal.Verifier("salesbooth", ["s"], tolerance=[300]),  # type: ignore[arg-type]
        lambda: hookseal.Verifier("saleslab", ["s"], max_body="1024"),  # type: ignore[arg-type]
        lambda: hookseal.Verifier("salescaling", ["s"], header=b"x-token"),  # type: ignore[arg-type]
        lambda: hookseal.sign("saleslab", None, b"{}"),  # type: ignore[arg-type]
        lambda: hookseal.sign("saleslab", "s", "{}"),  # type: ignore[arg-type]
        lambda: hookseal.detect("stripe-signature"),
    ],
)
def test_wrong_construction_types_raise_type_error(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        make()


def test_body_may_be_any_bytes_like(verifier: hookseal.Verifier) -> None:
    for body in (bytearray(BODY), memoryview(BODY)):
        verified = verifier.verify(body, HEADERS, now=NOW)
        assert type(verified.body) is bytes and verified.body == BODY


# --- errors -----------------------------------------------------------------------


def test_one_class_per_core_code() -> None:
    table = _native.error_codes()
    assert [code for code, _ in table] == list(hookseal.ERROR_CLASSES)
    for code, status in table:
        cls = hookseal.ERROR_CLASSES[code]
        assert issubclass(cls, hookseal.VerificationError) and issubclass(cls, ValueError)
        assert (cls.code, cls.status) == (code, status)
        assert getattr(hookseal, cls.__name__) is cls
        assert cls.__name__ in hookseal.__all__


def test_committed_error_stubs_match_the_table() -> None:
    stub = Path(hookseal.errors.__file__).with_suffix(".pyi")
    tree = ast.parse(stub.read_text())
    declared = [
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name not in ("ReceiveError", "VerificationError")
    ]
    every = [*hookseal.ERROR_CLASSES.values(), *hookseal.EDGE_CLASSES.values()]
    assert declared == [cls.__name__ for cls in every]


@pytest.mark.parametrize(
    "headers, error, status",
    [
        ({}, hookseal.MissingSignature, 400),
        ({"x-salesbooth-signature": "v1=zz"}, hookseal.MalformedSignature, 400),
        ({"x-salesbooth-signature": HEADERS["x-salesbooth-signature"]}, hookseal.MissingTimestamp, 400),
        ({**HEADERS, "x-salesbooth-timestamp": "soon"}, hookseal.MalformedTimestamp, 400),
        ({**HEADERS, "x-salesbooth-timestamp": str(NOW - 301)}, hookseal.TimestampTooOld, 400),
        ({**HEADERS, "x-salesbooth-timestamp": str(NOW + 301)}, hookseal.TimestampTooNew, 400),
    ],
)
def test_each_rejection_is_its_class(verifier, headers, error, status) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        verifier.verify(BODY, headers, now=NOW)
    assert info.value.status == status
    assert str(info.value).startswith(info.value.code + ": ")


def test_payload_too_large_comes_first() -> None:
    v = hookseal.Verifier("salesbooth", ["whsec_test"], max_body=8)
    with pytest.raises(hookseal.PayloadTooLarge) as info:
        v.verify(BODY, {}, now=NOW)
    assert info.value.status == 413


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda: hookseal.Verifier("salesbooth", []), hookseal.InvalidSecret),
        (lambda: hookseal.Verifier("salesbooth", [""]), hookseal.InvalidSecret),
        (lambda: hookseal.Verifier("nope", ["s"]), hookseal.UnknownScheme),
        (lambda: hookseal.Verifier("saleslab", ["s"], tolerance=300), hookseal.InvalidOption),
        (lambda: hookseal.Verifier("salesbooth", ["s"], tolerance=-1), hookseal.InvalidOption),
        (lambda: hookseal.Verifier("salesbooth", ["s"], tolerance="soon"), hookseal.InvalidOption),
        (lambda: hookseal.Verifier("saleslab", ["s"], max_body=0), hookseal.InvalidOption),
        (lambda: hookseal.Verifier("custom", ["s"], header="x-sig", encoding="base32"), hookseal.InvalidOption),
    ],
)
def test_construction_errors(make, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        make()
    assert info.value.status == 500


def test_tolerance_off_and_rotation() -> None:
    v = hookseal.Verifier("salesbooth", ["whsec_new", "whsec_test"], tolerance="off")
    assert v.tolerance == "off"
    assert v.verify(BODY, HEADERS, now=NOW + 10**9).secret_index == 1


def test_system_clock_is_the_default(verifier: hookseal.Verifier) -> None:
    with pytest.raises(hookseal.TimestampTooOld):
        verifier.verify(BODY, HEADERS)


def test_no_input_reaches_python_as_a_panic() -> None:
    rng = random.Random(7)
    verifiers = [
        hookseal.Verifier(s, [secret], **opts)
        for s, secret, opts in [
            ("saleslab", "s", {}),
            ("salesbooth", "s", {}),
            ("stripe", "s", {}),
            ("standard-webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", {}),
            ("salescaling", "tok", {}),
            ("custom", "s", {"header": "x-sig", "content": "id.ts.body", "timestamp_header": "x-ts", "id_header": "x-id", "encoding": "base64"}),
        ]
    ]
    alphabet = "v1=t,sha256 ,\t\x00\r\nabcdef0123456789ABCDEF+/=é"
    for _ in range(3000):
        v = rng.choice(verifiers)
        headers = {
            name: "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 90)))
            for name in v.header_names()
            if rng.random() < 0.8
        }
        body = os.urandom(rng.randrange(0, 64))
        try:
            verified = v.verify(body, headers, now=rng.randrange(-(2**63), 2**63))
            verified.idempotency_key
        except hookseal.VerificationError:
            pass


# --- the envelope, lazily -------------------------------------------------------


def test_envelope_is_read_once_and_only_when_asked(verifier: hookseal.Verifier) -> None:
    verified = verifier.verify(BODY, HEADERS, now=NOW)
    assert verified.envelope_read is False
    assert verified.body == BODY and verified.scheme == "salesbooth"
    assert verified.envelope_read is False
    assert verified.event_id == "evt_1"
    assert verified.envelope_read is True
    assert (verified.kind, verified.tenant, verified.idempotency_key) == ("deal.created", "t_1", "evt_1")
    assert verified.event_id_signed is True
    assert verified.json() is verified.json()
    assert verified.json()["tenant_id"] == "t_1"


def test_unsigned_header_id_is_marked_and_never_the_key() -> None:
    body = b'{"company_id":"c_1"}'
    headers = {**hookseal.sign("saleslab", "s", body), "X-SalesLab-Delivery-Id": "d_9", "X-SalesLab-Event": "badge.awarded"}
    verified = hookseal.Verifier("saleslab", ["s"]).verify(body, headers)
    assert (verified.event_id, verified.event_id_signed, verified.kind) == ("d_9", False, "badge.awarded")
    assert len(verified.idempotency_key) == 64 and verified.idempotency_key != "d_9"


# --- secrets never shown ----------------------------------------------------------


def test_secrets_never_appear_in_repr_or_errors() -> None:
    secret = "whsec_very_private_value"
    v = hookseal.Verifier("salesbooth", [secret, "whsec_other_private"])
    shown = [repr(v), str(v)]
    try:
        v.verify(BODY, HEADERS, now=NOW)
    except hookseal.VerificationError as e:
        shown += [repr(e), str(e), e.message]
    shown.append(repr(v.verify(BODY, hookseal.sign("salesbooth", secret, BODY, timestamp=NOW), now=NOW)))
    assert "salesbooth" in shown[0]
    assert all("private" not in s for s in shown), shown


# --- sign and detect --------------------------------------------------------------


def test_sign_returns_a_dict_in_wire_order() -> None:
    h = hookseal.sign("standard-webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", b"{}", timestamp=NOW, id="msg_1")
    assert list(h) == ["webhook-id", "webhook-timestamp", "webhook-signature"]
    token = hookseal.sign("salescaling", "tok_1", b"{}", header="x-token", prefix="")
    assert token == {"x-token": "tok_1"}


@pytest.mark.parametrize(
    "headers, scheme",
    [
        ({"X-SalesLab-Signature": "sha256=00"}, "saleslab"),
        ([("x-salesos-signature", "sha256=00")], "salesos"),
        ({"X-Salesbooth-Signature": "v1=00"}, "salesbooth"),
        ({"Webhook-Signature": "v1,AA=="}, "standard-webhooks"),
        ({"Stripe-Signature": "t=1,v1=00"}, "stripe"),
        ({"X-Hub-Signature-256": "sha256=00"}, "github"),
        ({"Authorization": "Bearer tok"}, None),
        ({"X-SalesLab-Signature": "  "}, None),
        ({}, None),
    ],
)
def test_detect(headers, scheme) -> None:  # type: ignore[no-untyped-def]
    assert hookseal.detect(headers) == scheme


def test_version_is_the_workspace_version() -> None:
    cargo = (Path(__file__).resolve().parents[2] / "Cargo.toml").read_text()
    assert f'version = "{hookseal.__version__}"' in cargo


def test_one_verifier_serves_many_threads() -> None:
    # Large bodies are verified with the interpreter released: threads overlap there.
    from concurrent.futures import ThreadPoolExecutor

    verifier = hookseal.Verifier("salesbooth", ["whsec_test"])
    bodies = [os.urandom(64 * 1024 + i) for i in range(32)]
    signed = [(b, hookseal.sign("salesbooth", "whsec_test", b, timestamp=NOW)) for b in bodies]

    def check(item):  # type: ignore[no-untyped-def]
        body, headers = item
        verified = verifier.verify(body, headers, now=NOW)
        return verified.body == body and len(verified.idempotency_key) == 64

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(check, signed * 4))


def test_mixed_text_and_bytes_repeats_join_as_wire_bytes() -> None:
    from hookseal._headers import values_of

    pairs = [("X-A", " t\u00e9 "), ("x-a", b"b"), ("x-a", "\u20ac")]
    assert values_of(pairs, ("x-a",)) == (b"t\xe9, b, " + "\u20ac".encode(),)
    assert hookseal._native.wire_bytes("t\u00e9") == b"t\xe9"
