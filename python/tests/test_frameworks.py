"""Each framework helper behind a real server on 127.0.0.1, over real HTTP."""

from __future__ import annotations

import json
import time
from typing import Dict, Iterator

import pytest
import requests

import hookseal
from servers import (
    ASYNC_PREFIX,
    MAX_BODY,
    ROUTE,
    SECRET,
    aiohttp_app,
    aiohttp_server,
    asgi_server,
    django_app,
    django_asgi_app,
    fastapi_app,
    flask_app,
    litestar_app,
    starlette_app,
    wsgi_server,
)

BODY = json.dumps(
    {"event": "deal.created", "id": "evt_sb_1", "tenant_id": "tenant_abc123", "data": {}}
).encode()


# Each framework's app behind its real server, and where its route is.
SERVERS = {
    "flask": (lambda: wsgi_server(flask_app()), ROUTE),
    "fastapi": (lambda: asgi_server(fastapi_app()), ROUTE),
    "django": (lambda: wsgi_server(django_app()), ROUTE),
    "django-async": (lambda: asgi_server(django_asgi_app()), ASYNC_PREFIX + ROUTE),
    "aiohttp": (lambda: aiohttp_server(aiohttp_app()), ROUTE),
    "starlette": (lambda: asgi_server(starlette_app()), ROUTE),
    "litestar": (lambda: asgi_server(litestar_app()), ROUTE),
}


@pytest.fixture(scope="module", params=list(SERVERS))
def url(request: pytest.FixtureRequest) -> Iterator[str]:
    server, route = SERVERS[request.param]
    with server() as base:
        yield base + route


def signed(body: bytes, timestamp: int) -> Dict[str, str]:
    headers = hookseal.sign("salesbooth", SECRET, body, timestamp=timestamp)
    # Send the names the way Salesbooth writes them.
    return {"X-Salesbooth-" + k.split("-")[-1].title(): v for k, v in headers.items()}


def post(url: str, body: bytes, headers: Dict[str, str]) -> requests.Response:
    headers = {"Content-Type": "application/json", **headers}
    return requests.post(url, data=body, headers=headers, timeout=30)


def assert_rejected(response: requests.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    payload = response.json()
    assert payload["error"] == code
    assert isinstance(payload["message"], str) and payload["message"]
    assert SECRET not in response.text


def test_accepted(url: str) -> None:
    response = post(url, BODY, signed(BODY, int(time.time())))
    assert response.status_code == 200, response.text
    assert response.json() == {"kind": "deal.created", "tenant": "tenant_abc123", "key": "evt_sb_1"}


def test_tampered_body(url: str) -> None:
    headers = signed(BODY, int(time.time()))
    response = post(url, BODY.replace(b"abc123", b"abc124"), headers)
    assert_rejected(response, 401, "signature_mismatch")


def test_stale(url: str) -> None:
    response = post(url, BODY, signed(BODY, int(time.time()) - 3600))
    assert_rejected(response, 400, "timestamp_too_old")


def test_missing_signature(url: str) -> None:
    headers = signed(BODY, int(time.time()))
    del headers["X-Salesbooth-Signature"]
    assert_rejected(post(url, BODY, headers), 400, "missing_signature")


def test_missing_timestamp(url: str) -> None:
    headers = signed(BODY, int(time.time()))
    del headers["X-Salesbooth-Timestamp"]
    assert_rejected(post(url, BODY, headers), 400, "missing_timestamp")


def test_oversize_is_413(url: str) -> None:
    big = b'{"event":"deal.created","pad":"' + b"x" * (MAX_BODY * 4) + b'"}'
    response = post(url, big, signed(big, int(time.time())))
    assert_rejected(response, 413, "payload_too_large")


def test_exactly_max_body_is_accepted(url: str) -> None:
    prefix = b'{"event":"deal.created","pad":"'
    body = prefix + b"x" * (MAX_BODY - len(prefix) - 2) + b'"}'
    assert len(body) == MAX_BODY
    response = post(url, body, signed(body, int(time.time())))
    assert response.status_code == 200, response.text
