"""The handler invoked locally with the events AWS sends it (`pytest` in this folder):
API Gateway HTTP API / function URL (payload 2.0), REST (1.0, multiValueHeaders) and an
ALB target, each with a base64 body that is not ASCII (a body that is not UTF-8 passes
verification and is answered 400 invalid_payload by the router); each provider's routed
kind reaches its handler once."""

import base64
import json
import os

os.environ.update(
    SALESLAB_SIGNING_SECRET="sl_secret",
    SALESOS_WEBHOOK_SECRET="whsec_os",
    SALESBOOTH_WEBHOOK_SECRET="whsec_sb",
    SALESCALING_TOKEN="tok",
)
os.environ.pop("HOOKSEAL_DB", None)

import hookseal  # noqa: E402
from handler import handler  # noqa: E402

BODY = b'{"event":"deal.created","id":"evt_lambda_%d","tenant_id":"t","note":"caf\xc3\xa9"}'


def http_api(path, body, headers):
    """An HTTP API (or function URL) event: payload 2.0, lowercase headers."""
    return {
        "version": "2.0",
        "routeKey": "POST " + path,
        "rawPath": path,
        "rawQueryString": "",
        "headers": {"content-type": "application/json", **{k.lower(): v for k, v in headers.items()}},
        "requestContext": {"http": {"method": "POST", "path": path}, "stage": "$default"},
        "body": base64.b64encode(body).decode(),
        "isBase64Encoded": True,
    }


def rest_api(path, body, headers):
    """A REST API event (Lambda proxy, payload 1.0): headers and multiValueHeaders."""
    return {
        "resource": path,
        "path": path,
        "httpMethod": "POST",
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
        "requestContext": {"stage": "Prod", "httpMethod": "POST"},
        "body": base64.b64encode(body).decode(),
        "isBase64Encoded": True,
    }


def alb(path, body, headers):
    """An ALB target's event."""
    return {
        "requestContext": {"elb": {"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1"}},
        "httpMethod": "POST",
        "path": path,
        "headers": {k.lower(): v for k, v in headers.items()},
        "body": base64.b64encode(body).decode(),
        "isBase64Encoded": True,
    }


def test_each_event_shape_is_received_once():
    for n, shape in enumerate([http_api, rest_api, alb]):
        body = BODY % n
        headers = hookseal.sign("salesbooth", "whsec_sb", body)
        first = handler(shape("/salesbooth", body, headers), None)
        assert (first["statusCode"], json.loads(first["body"])) == (200, {"received": True})
        again = handler(shape("/salesbooth", body, headers), None)
        assert (again["statusCode"], json.loads(again["body"])) == (200, {"duplicate": True})
        forged = handler(shape("/salesbooth", body + b" ", headers), None)
        assert (forged["statusCode"], json.loads(forged["body"])["error"]) == (401, "signature_mismatch")
    assert "statusDescription" in forged  # an ALB answer


def test_a_verified_body_that_is_not_json_is_400():
    # The exact bytes verify (not 401); the router cannot parse them.
    body = b'{"event":"deal.closed","id":"evt_lambda_x","note":"\xff"}'
    answer = handler(http_api("/salesbooth", body, hookseal.sign("salesbooth", "whsec_sb", body)), None)
    assert (answer["statusCode"], json.loads(answer["body"])["error"]) == (400, "invalid_payload")


def test_an_unknown_path_is_404():
    assert handler(http_api("/nowhere", b"{}", {}), None)["statusCode"] == 404


# One kind each provider's router has a handler for, and what that handler answers.
ROUTED = {
    "saleslab": (
        "sl_secret",
        {"event_kind": "session.completed", "company_id": "c_1", "session": {"id": "s_1"}, "delivery_id": "dl_1"},
        {"session": "s_1"},
    ),
    "salesos": (
        "whsec_os",
        {"id": "evt_os_1", "type": "deal.won", "created_at": "2026-05-19T13:42:08Z", "data": {"id": "d_1", "value": 87.5}},
        {"deal": "d_1"},
    ),
    "salesbooth": (
        "whsec_sb",
        {"event": "deal.closed", "timestamp": "2026-05-19T13:42:08Z", "tenant_id": "t_1", "id": "evt_sb_1", "data": {}},
        {"tenant": "t_1"},
    ),
    "salescaling": (
        "tok",
        {"event": "commercial_signal_detected", "code": "buying_intent", "activityId": "a_1"},
        {"signal": "buying_intent"},
    ),
}


def test_each_provider_routes_its_kind_once():
    for provider, (secret, payload, routed) in ROUTED.items():
        body = json.dumps(payload).encode()
        event = http_api(f"/{provider}", body, hookseal.sign(provider, secret, body))
        first = handler(event, None)
        assert (first["statusCode"], json.loads(first["body"])) == (200, {"received": True, **routed})
        again = handler(event, None)
        assert (again["statusCode"], json.loads(again["body"])) == (200, {"duplicate": True})
