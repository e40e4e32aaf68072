"""The rotation-window case set (rotation/rotation.json): a secret with a `not_after`
verifies while now <= not_after and is skipped after; its index still counts."""


from harness import *  # noqa: F401,F403
from cases.saleslab import SL_SECRET, SL_SESSION  # noqa: F401
from cases.salesbooth import SB_SECRET, SB_DEAL  # noqa: F401
from cases.salescaling import SC_TOKEN, SC_MEETING  # noqa: F401
from cases.standard_webhooks import SW_BODY, SW_ID, SW_SECRET, sw_sig  # noqa: F401
from cases.standard_webhooks_v1a import v1a, whpk  # noqa: F401

FILE = "rotation/rotation.json"


def retiring(secret, not_after):
    return {"secret": secret, "not_after": not_after}


def cases():
    def case(scheme, desc, secrets, headers, body, expect, **kw):
        verify_case(scheme, "rotation: " + desc, secrets, headers, body, expect, file=FILE, **kw)

    sl_body = compact(SL_SESSION)
    sl_old = [["x-saleslab-signature", "sha256=" + hexmac("sl_old_secret", sl_body)]]
    sl_new = [["x-saleslab-signature", "sha256=" + hexmac(SL_SECRET, sl_body)]]
    old = retiring("sl_old_secret", NOW)
    case("saleslab", "a retiring secret verifies at its not_after", [SL_SECRET, old], sl_old,
         sl_body, ok(secret_index=1), now=NOW)
    case("saleslab", "a retiring secret verifies before its not_after", [SL_SECRET, old], sl_old,
         sl_body, ok(secret_index=1), now=NOW - 86400)
    case("saleslab", "one second after not_after it is skipped", [SL_SECRET, old], sl_old, sl_body,
         err("signature_mismatch"), now=NOW + 1)
    case("saleslab", "the new secret still verifies after the old one retired", [SL_SECRET, old],
         sl_new, sl_body, ok(secret_index=0), now=NOW + 1)
    case("saleslab", "a retired secret first: the index still counts it", [old, SL_SECRET], sl_new,
         sl_body, ok(secret_index=1), now=NOW + 1)
    case("saleslab", "every secret retired is a mismatch, not a construction error",
         [retiring(SL_SECRET, NOW - 1), old], sl_new, sl_body, err("signature_mismatch"),
         now=NOW + 1)
    case("saleslab", "a not_after far in the future", [retiring(SL_SECRET, 4102444800)], sl_new,
         sl_body, ok(secret_index=0), now=NOW)
    case("saleslab", "a negative not_after has long passed", [retiring(SL_SECRET, -1)], sl_new,
         sl_body, err("signature_mismatch"), now=NOW)
    case("saleslab", "a retiring secret with a trailing newline is refused when built",
         [SL_SECRET, retiring("sl_old_secret\n", NOW + 86400)], sl_new, sl_body,
         err("invalid_secret"), now=NOW)

    # The clock decides, not the signed timestamp.
    sb_body = compact(SB_DEAL)
    sb = [["x-salesbooth-timestamp", TS],
          ["x-salesbooth-signature", "v1=" + hexmac(SB_SECRET, TS.encode() + b"." + sb_body)]]
    case("salesbooth", "signed before not_after, checked after it: skipped",
         [retiring(SB_SECRET, NOW + 100)], sb, sb_body, err("signature_mismatch"), now=NOW + 200)
    case("salesbooth", "signed and checked before not_after", [retiring(SB_SECRET, NOW + 100)], sb,
         sb_body, ok(secret_index=0), now=NOW + 100)

    sc = [["authorization", "Bearer " + SC_TOKEN]]
    case("salescaling", "a retired token is a mismatch", [retiring(SC_TOKEN, NOW - 1)], sc,
         compact(SC_MEETING), err("signature_mismatch"))
    case("salescaling", "a retired token, then the same token without a window",
         [retiring(SC_TOKEN, NOW - 1), SC_TOKEN], sc, compact(SC_MEETING), ok(secret_index=1))

    sw = [["webhook-id", SW_ID], ["webhook-timestamp", TS],
          ["webhook-signature", sw_sig() + " " + v1a(0)]]
    case("standard-webhooks", "a retired whpk_ key, the whsec_ secret matches",
         [retiring(whpk(0), NOW - 1), SW_SECRET], sw, SW_BODY, ok(secret_index=1))
    case("standard-webhooks", "a retired whsec_ secret, the whpk_ key matches",
         [retiring(SW_SECRET, NOW - 1), whpk(0)], sw, SW_BODY, ok(secret_index=1))
    case("standard-webhooks", "both retired", [retiring(SW_SECRET, NOW - 1), retiring(whpk(0), NOW - 1)],
         sw, SW_BODY, err("signature_mismatch"))
    case("standard-webhooks", "a whpk_ key within its window", [retiring(whpk(0), NOW)],
         sw, SW_BODY, ok(secret_index=0))
