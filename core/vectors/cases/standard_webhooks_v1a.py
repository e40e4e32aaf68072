"""The standard-webhooks `v1a` (Ed25519) case set: `whpk_` public keys verify `v1a`
entries, `whsk_` secret keys sign them. Every signature here is made by Python's
`cryptography` package (OpenSSL), never by hookseal; the small-order points are derived
below from the curve's equation, not copied from a list."""


from harness import *  # noqa: F401,F403
from cases.standard_webhooks import SW_BODY, SW_ID, SW_KEY, SW_SECRET, sw_sig  # noqa: F401


# ---------------------------------------------------------------------------
# Keys: the three key pairs of RFC 8032, section 7.1 (TEST 1, TEST 2, TEST 3)
# ---------------------------------------------------------------------------

RFC8032 = [
    # (name, secret key (seed), public key, message, signature), all hex
    ("TEST 1", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("TEST 2", "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ("TEST 3", "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
]


def _check_rfc8032():
    """The reference's Ed25519 must give the RFC's own public keys and signatures, or
    nothing is written (core/src/secret.rs checks the same signatures in Rust)."""
    for name, seed, public, message, signature in RFC8032:
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed))
        if ed_public_bytes(key).hex() != public or key.sign(bytes.fromhex(message)).hex() != signature:
            raise SystemExit("RFC 8032 %s: the reference's Ed25519 disagrees with the RFC" % name)


def private(i):
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(RFC8032[i][1]))


def whpk(i):
    return "whpk_" + b64(bytes.fromhex(RFC8032[i][2]))


def whsk(i, keypair=False):
    seed = bytes.fromhex(RFC8032[i][1])
    return "whsk_" + b64(seed + bytes.fromhex(RFC8032[i][2]) if keypair else seed)


def content(msg_id=SW_ID, ts=TS, b=SW_BODY):
    return msg_id.encode() + b"." + ts.encode() + b"." + b


def ed_sig_bytes(i=0, msg_id=SW_ID, ts=TS, b=SW_BODY):
    return private(i).sign(content(msg_id, ts, b))


def v1a(i=0, msg_id=SW_ID, ts=TS, b=SW_BODY):
    return "v1a," + b64(ed_sig_bytes(i, msg_id, ts, b))


# ---------------------------------------------------------------------------
# Points of small order, and encodings that are not canonical
# ---------------------------------------------------------------------------


def ed_encode(point):
    x, y = point
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def ed_mul(k, point):
    acc, add = (0, 1), point
    while k:
        if k & 1:
            acc = ed_add(acc, add)
        add, k = ed_add(add, add), k >> 1
    return acc


def small_order_points():
    """The eight points of order dividing 8, as canonical encodings: [L]P is in the
    torsion subgroup for any point P; one of order 8 generates all eight."""
    y = 2
    while True:
        point = ed_decode(y.to_bytes(32, "little"))
        y += 1
        if point is None:
            continue
        torsion = ed_mul(ED_L, point)
        if ed_mul(4, torsion) != (0, 1):  # order 8
            break
    points = [ed_mul(k, torsion) for k in range(8)]
    encodings = sorted({ed_encode(p) for p in points})
    assert len(encodings) == 8 and all(ed_small_order(ed_decode(e)) for e in encodings)
    return encodings


def non_canonical_encodings():
    """(what, 32 bytes) pairs that RFC 8032's decoding refuses though a lenient decoder
    reduces them to a point: y >= p, and x = 0 with the sign bit set."""
    def y_bytes(y, sign=0):
        return (y | (sign << 255)).to_bytes(32, "little")
    out = [("the identity with the sign bit set", y_bytes(1, 1)),
           ("the order-2 point with the sign bit set", y_bytes(ED_P - 1, 1)),
           ("y = p + 1 (the identity, unreduced)", y_bytes(ED_P + 1))]
    # y = p + k for the smallest k whose point is of large order: not a weak key, only
    # an encoding that is not canonical.
    k = 2
    while ed_decode(y_bytes(k)) is None or ed_small_order(ed_decode(y_bytes(k))):
        k += 1
    out.append(("y = p + %d (a point of large order, unreduced)" % k, y_bytes(ED_P + k)))
    return out


def not_on_curve():
    y = 2
    while ed_decode(y.to_bytes(32, "little")) is not None:
        y += 1
    return y.to_bytes(32, "little")


# ---------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------


def cases():
    _check_rfc8032()
    s = "standard-webhooks"

    def signed(msg_id=SW_ID, ts=TS, sig=None):
        return [["webhook-id", msg_id], ["webhook-timestamp", ts],
                ["webhook-signature", sig if sig is not None else v1a(0, msg_id, ts)]]

    def case(desc, headers, expect, b=SW_BODY, secrets=None, **kw):
        verify_case(s, "standard-webhooks v1a: " + desc, list(secrets or [whpk(0)]), headers, b,
                    expect, **kw)

    # The RFC 8032 key pairs, each signing a delivery (its signed content id.ts.body is the
    # message; the RFC's own messages and signatures are checked above and in Rust).
    for i, (name, *_rest) in enumerate(RFC8032):
        case("RFC 8032 %s key pair" % name, signed(sig=v1a(i)),
             ok(secret_index=0, timestamp=NOW, kind="invoice.paid", event_id=SW_ID, tenant=None,
                idempotency_key=SW_ID),
             secrets=[whpk(i)])
        case("RFC 8032 %s key pair, an empty body" % name, signed(sig=v1a(i, b=b"")),
             ok(secret_index=0, kind=None), b=b"", secrets=[whpk(i)])
        case("RFC 8032 %s public key, another key's signature" % name,
             signed(sig=v1a((i + 1) % 3)), err("signature_mismatch"), secrets=[whpk(i)])

    # Rotation between public keys.
    case("rotation: two public keys, the second matches", signed(sig=v1a(1)),
         ok(secret_index=1), secrets=[whpk(0), whpk(1)])
    case("rotation: two public keys, the first matches", signed(sig=v1a(0)),
         ok(secret_index=0), secrets=[whpk(0), whpk(1)])
    case("rotation: signed by both keys, the first configured wins",
         signed(sig=v1a(1) + " " + v1a(0)), ok(secret_index=0), secrets=[whpk(0), whpk(1)])
    case("rotation: two public keys, neither matches", signed(sig=v1a(2)),
         err("signature_mismatch"), secrets=[whpk(0), whpk(1)])

    # v1 and v1a together: each key matches only its own kind of entry.
    mixed = sw_sig() + " " + v1a(0)
    case("mixed header, whsec_ then whpk_: the whsec_ secret matches the v1 entry",
         signed(sig=mixed), ok(secret_index=0), secrets=[SW_SECRET, whpk(0)])
    case("mixed header, whpk_ then whsec_: the whpk_ key matches the v1a entry",
         signed(sig=mixed), ok(secret_index=0), secrets=[whpk(0), SW_SECRET])
    case("mixed header, v1a first, a wrong whsec_ then the whpk_ key",
         signed(sig=v1a(0) + " " + sw_sig()), ok(secret_index=1),
         secrets=["whsec_" + b64(b"another key entirely"), whpk(0)])
    case("mixed header, a wrong whpk_ key then the whsec_ secret", signed(sig=mixed),
         ok(secret_index=1), secrets=[whpk(1), SW_SECRET])
    case("a v1a-only header against whsec_ secrets only", signed(sig=v1a(0)),
         err("signature_mismatch"), secrets=[SW_SECRET])
    case("a v1-only header against whpk_ keys only", signed(sig=sw_sig()),
         err("signature_mismatch"), secrets=[whpk(0), whpk(1)])
    case("an HMAC key the same bytes as the public key does not verify v1a",
         signed(sig=v1a(0)), err("signature_mismatch"),
         secrets=["whsec_" + b64(bytes.fromhex(RFC8032[0][2]))])
    case("an unknown version beside v1a is ignored", signed(sig="v2,abc " + v1a(0)), ok())

    # What the signature covers.
    case("tampered body", signed(), err("signature_mismatch"), b=SW_BODY + b" ")
    case("re-serialized body", signed(), err("signature_mismatch"),
         b=SW_BODY.replace(b",", b", "))
    case("signed for another webhook-id", signed(sig=v1a(0, msg_id="msg_other")),
         err("signature_mismatch"))
    case("signed for another timestamp", signed(sig=v1a(0, ts="1700000001")),
         err("signature_mismatch"))
    raw = ed_sig_bytes(0)
    flipped_r = bytes([raw[0] ^ 1]) + raw[1:]
    flipped_s = raw[:32] + bytes([raw[32] ^ 1]) + raw[33:]
    case("a bit flipped in R", signed(sig="v1a," + b64(flipped_r)), err("signature_mismatch"))
    case("a bit flipped in S", signed(sig="v1a," + b64(flipped_s)), err("signature_mismatch"))
    # Malleability: S + L satisfies the group equation [S]B = R + [k]A as S does; strict
    # verification refuses any S that is not reduced (S >= L).
    s_value = int.from_bytes(raw[32:], "little")
    high = raw[:32] + (s_value + ED_L).to_bytes(32, "little")
    case("non-canonical S (S + L) is refused", signed(sig="v1a," + b64(high)),
         err("signature_mismatch"))
    case("non-canonical S beside the canonical signature: the canonical one matches",
         signed(sig="v1a," + b64(high) + " " + v1a(0)), ok())
    case("S = L with the signature's R", signed(sig="v1a," + b64(raw[:32] + ED_L.to_bytes(32, "little"))),
         err("signature_mismatch"))
    case("an all-zero signature", signed(sig="v1a," + b64(bytes(64))), err("signature_mismatch"))

    # Format: a v1a entry that is not 64 bytes of padded standard base64 is malformed, as a
    # bad v1 entry is, whichever keys are configured (the format is checked before keys).
    sig88 = b64(raw)
    for desc, value in [
        ("empty", ""),
        ("63 bytes", b64(raw[:63])),
        ("65 bytes", b64(raw + b"\0")),
        ("32 bytes (a v1 digest)", b64(raw[:32])),
        ("without padding", sig88.rstrip("=")),
        ("in the URL-safe alphabet", b64(b"\xfb\xff" * 32).replace("+", "-").replace("/", "_")),
        ("in hex", raw.hex()),
    ]:
        case("a v1a signature %s is malformed" % desc, signed(sig="v1a," + value),
             err("malformed_signature"))
    case("a malformed v1a entry beside a matching v1 one",
         signed(sig="v1a," + sig88[:-4] + " " + sw_sig()), err("malformed_signature"),
         secrets=[SW_SECRET])
    case("a v1a signature in a v1 entry is malformed", signed(sig="v1," + sig88),
         err("malformed_signature"))
    case("16 entries, the last a matching v1a", signed(sig=" ".join([sw_sig()] * 15 + [v1a(0)])),
         ok())
    case("17 entries, v1 and v1a, is too many",
         signed(sig=" ".join([sw_sig()] * 8 + [v1a(0)] * 9)), err("malformed_signature"))

    # The order of checks holds for v1a.
    case("timestamp too old", signed(), err("timestamp_too_old"), now=NOW + 301)
    case("timestamp too new", signed(), err("timestamp_too_new"), now=NOW - 301)
    case("tolerance off", signed(ts="1614265330", sig=v1a(0, ts="1614265330")),
         ok(timestamp=1614265330), options={"tolerance": "off"})
    case("webhook-id absent", [["webhook-timestamp", TS], ["webhook-signature", v1a(0)]],
         err("missing_signature"))
    case("max_body one byte short", signed(), err("payload_too_large"),
         options={"max_body": len(SW_BODY) - 1})

    # Construction: keys the verifier refuses (construction.json).
    def bad_key(desc, secrets):
        verify_case(s, "construction: standard-webhooks v1a: " + desc, secrets, signed(), SW_BODY,
                    err("invalid_secret"), file="construction.json")

    verify_case(s, "construction: standard-webhooks v1a: control, a whpk_ key verifies",
                [whpk(0)], signed(), SW_BODY, ok(), file="construction.json")
    for n, encoding in enumerate(small_order_points()):
        bad_key("small-order public key %d of 8 (%s)" % (n + 1, encoding.hex()),
                ["whpk_" + b64(encoding)])
    for desc, encoding in non_canonical_encodings():
        bad_key("non-canonical public key: %s" % desc, ["whpk_" + b64(encoding)])
    bad_key("a public key that is not a point of the curve", ["whpk_" + b64(not_on_curve())])
    public = bytes.fromhex(RFC8032[0][2])
    bad_key("a whpk_ key of 31 bytes", ["whpk_" + b64(public[:31])])
    bad_key("a whpk_ key of 33 bytes", ["whpk_" + b64(public + b"\0")])
    bad_key("a whpk_ key of 64 bytes (seed and public key)",
            ["whpk_" + b64(bytes.fromhex(RFC8032[0][1]) + public)])
    bad_key("a whpk_ key that is not base64", ["whpk_not*base64!"])
    bad_key("a whpk_ key without padding", ["whpk_" + b64(public).rstrip("=")])
    bad_key("whpk_ with nothing after it", ["whpk_"])
    bad_key("a whsk_ secret key in a verifier (32-byte seed)", [whsk(0)])
    bad_key("a whsk_ secret key in a verifier (64-byte seed and public key)", [whsk(0, True)])
    bad_key("a bad whpk_ key after a good one", [whpk(0), "whpk_" + b64(bytes(32))])
    bad_key("a whpk_ key ending in a newline", [whpk(0) + "\n"])

    # Sign: a whsk_ secret key signs v1a (sign.json), verified with its whpk_ key.
    sign_case(s, "v1a, RFC 8032 TEST 1 seed, explicit id", whsk(0), SW_BODY, timestamp=NOW,
              msg_id=SW_ID, verify_secret=whpk(0),
              expect_headers=[["webhook-id", SW_ID], ["webhook-timestamp", TS],
                              ["webhook-signature", v1a(0)]])
    sign_case(s, "v1a, RFC 8032 TEST 2 seed and public key (64 bytes)", whsk(1, True), SW_BODY,
              timestamp=NOW, msg_id="msg_keypair", verify_secret=whpk(1),
              expect_headers=[["webhook-id", "msg_keypair"], ["webhook-timestamp", TS],
                              ["webhook-signature", v1a(1, msg_id="msg_keypair")]])
    derived = "msg_" + sha256_hex(TS.encode() + b"." + SW_BODY)[:24]
    sign_case(s, "v1a, RFC 8032 TEST 3 seed, id derived from ts.body", whsk(2), SW_BODY,
              timestamp=NOW, verify_secret=whpk(2),
              expect_headers=[["webhook-id", derived], ["webhook-timestamp", TS],
                              ["webhook-signature", v1a(2, msg_id=derived)]])
    sign_case(s, "v1a, a body that is not UTF-8", whsk(0), NOT_UTF8, timestamp=NOW + 60,
              msg_id="msg_binary", verify_secret=whpk(0))
