"""Standard Webhooks ``v1a`` (Ed25519) through the Python API: ``sign`` with a ``whsk_``
secret key writes ``v1a,<base64>``, a verifier with the ``whpk_`` public key verifies it,
beside ``whsec_`` secrets in one list. The signatures themselves are checked against an
independent implementation by the shared vectors (core/vectors, test_vectors.py)."""

from __future__ import annotations

import base64

import pytest

import hookseal

# RFC 8032 §7.1, test 1: the seed and its public key.
SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
WHSK = "whsk_" + base64.b64encode(SEED).decode()
WHSK64 = "whsk_" + base64.b64encode(SEED + PUBLIC).decode()  # libsodium's seed‖public
WHPK = "whpk_" + base64.b64encode(PUBLIC).decode()
WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
T = 1_700_000_000
BODY = b'{"type":"invoice.paid","data":{"id":"in_1"}}'


def signed(key: str = WHSK, body: bytes = BODY) -> dict:  # type: ignore[type-arg]
    return hookseal.sign("standard-webhooks", key, body, timestamp=T, id="msg_1")


def test_a_secret_key_signs_v1a() -> None:
    headers = signed()
    assert list(headers) == ["webhook-id", "webhook-timestamp", "webhook-signature"]
    scheme, sig = headers["webhook-signature"].split(",")
    assert scheme == "v1a"
    assert len(base64.b64decode(sig, validate=True)) == 64
    # Ed25519 is deterministic, and both layouts of the secret key are one key.
    assert signed(WHSK64) == headers


def test_the_public_key_verifies() -> None:
    v = hookseal.Verifier("standard-webhooks", [WHPK])
    verified = v.verify(BODY, signed(), now=T)
    assert (verified.secret_index, verified.event_id, verified.timestamp) == (0, "msg_1", T)
    with pytest.raises(hookseal.SignatureMismatch):
        v.verify(BODY + b" ", signed(), now=T)
    with pytest.raises(hookseal.TimestampTooOld):
        v.verify(BODY, signed(), now=T + 301)


def test_mixed_with_hmac_secrets() -> None:
    v = hookseal.Verifier("standard-webhooks", [WHSEC, WHPK])
    assert v.verify(BODY, signed(), now=T).secret_index == 1
    assert v.verify(BODY, signed(WHSEC), now=T).secret_index == 0
    # One header carrying both entries, as a sender rotating from v1 to v1a sends.
    both = signed(WHSEC)
    both["webhook-signature"] += " " + signed()["webhook-signature"]
    assert hookseal.Verifier("standard-webhooks", [WHPK]).verify(BODY, both, now=T).secret_index == 0
    assert hookseal.Verifier("standard-webhooks", [WHSEC]).verify(BODY, both, now=T).secret_index == 0


def test_a_public_key_can_retire() -> None:
    v = hookseal.Verifier("standard-webhooks", [hookseal.Secret(WHPK, not_after=T), {"secret": WHSEC}])
    assert v.verify(BODY, signed(), now=T).secret_index == 0
    with pytest.raises(hookseal.SignatureMismatch):
        v.verify(BODY, signed(), now=T + 1)


def test_keys_in_the_wrong_place_are_invalid_secret() -> None:
    with pytest.raises(hookseal.InvalidSecret, match="whpk_"):
        hookseal.Verifier("standard-webhooks", [WHSK])
    with pytest.raises(hookseal.InvalidSecret, match="whsk_"):
        signed(WHPK)
    with pytest.raises(hookseal.InvalidSecret):
        hookseal.Verifier("standard-webhooks", ["whpk_" + base64.b64encode(PUBLIC[:31]).decode()])
    with pytest.raises(hookseal.InvalidSecret):
        signed("whsk_" + base64.b64encode(SEED + bytes(32)).decode())  # public half does not match


def test_errors_and_reprs_never_show_a_key() -> None:
    seed_b64 = WHSK[len("whsk_"):]
    for call in (lambda: hookseal.Verifier("standard-webhooks", [WHSK]), lambda: signed(WHPK)):
        with pytest.raises(hookseal.InvalidSecret) as e:
            call()
        assert seed_b64 not in str(e.value) and WHPK[5:] not in str(e.value)
    assert seed_b64 not in repr(hookseal.Secret(WHSK))


def test_explain_a_v1a_rejection() -> None:
    v = hookseal.Verifier("standard-webhooks", [WHPK])
    assert v.explain(BODY, signed(), now=T).ok
    why = v.explain(BODY, signed(), now=T + 4000)
    assert (why.ok, why.code) == (False, "timestamp_too_old")
    assert [f.code for f in why.findings] == ["clock_skew"]
