"""The github case set."""


from harness import *  # noqa: F401,F403


# ---------------------------------------------------------------------------
# github: X-Hub-Signature-256: sha256=<hex of HMAC(body)>
# ---------------------------------------------------------------------------

GH_SECRET = "It's a Secret to Everybody"  # GitHub's documented example
GH_PUSH = {
    "ref": "refs/heads/main",
    "before": "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
    "after": "59b20b8d5c6ff8d09518454d4dd8b7b30f095ab5",
    "repository": {"id": 1296269, "full_name": "octocat/Hello-World"},
}


def cases():
    s = "github"
    body = compact(GH_PUSH)

    def sig(b=body, secret=GH_SECRET):
        return "sha256=" + hexmac(secret, b)

    def case(desc, headers, expect, b=body, secrets=(GH_SECRET,), **kw):
        verify_case(s, "github: " + desc, list(secrets), headers, b, expect, **kw)

    case("documented example: Hello, World!",
         [["X-Hub-Signature-256",
           "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"]],
         ok(secret_index=0, timestamp=None, kind=None, event_id=None, tenant=None,
            idempotency_key=sha256_hex(b"Hello, World!")), b=b"Hello, World!")
    delivery = "72d3162e-cc78-11e3-81ab-4c9367dc0958"
    case("push: kind and event id from the unsigned headers, key from the body",
         [["X-GitHub-Event", "push"], ["X-GitHub-Delivery", " " + delivery + " "],
          ["X-Hub-Signature", "sha1=0000000000000000000000000000000000000000"],
          ["X-Hub-Signature-256", sig()]],
         ok(kind="push", event_id=delivery, tenant=None, idempotency_key=sha256_hex(body)))
    typed = compact({"type": "push", "id": "evt_1", "action": "opened"})
    case("body fields are not the envelope", [["x-hub-signature-256", sig(typed)]],
         ok(kind=None, event_id=None, idempotency_key=sha256_hex(typed)), b=typed)
    case("uppercase hex", [["x-hub-signature-256", "sha256=" + sig()[7:].upper()]], ok())
    case("only the legacy sha1 header", [["X-Hub-Signature", "sha1=" + "0" * 40]],
         err("missing_signature"))
    case("sha1= in the sha256 header", [["X-Hub-Signature-256", "sha1=" + "0" * 40]],
         err("malformed_signature"))
    case("sha1= with 64 hex digits", [["X-Hub-Signature-256", "sha1=" + sig()[7:]]],
         err("malformed_signature"))
    case("wrong secret", [["x-hub-signature-256", sig(secret="not the secret")]],
         err("signature_mismatch"))
    case("rotation: the second secret matches", [["x-hub-signature-256", sig()]],
         ok(secret_index=1), secrets=["old-secret", GH_SECRET])
    case("empty header", [["x-hub-signature-256", ""]], err("missing_signature"))
    case("max_body one byte short", [["x-hub-signature-256", sig()]], err("payload_too_large"),
         options={"max_body": len(body) - 1})
