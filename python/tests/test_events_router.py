"""``hookseal.Router`` behind the Flask, FastAPI and Django helpers, on real servers on
127.0.0.1, with a memory store: a routed kind runs its typed handler once (its repeat is
a duplicate), an unrouted kind is acknowledged 2xx without a handler, a handler that
raises is a 500 whose retry runs it again, and a payload that does not match its schema
is 400 ``invalid_payload`` before any handler."""

from __future__ import annotations

import itertools
import json
from typing import Any, Dict, Iterator, Tuple

import pytest
import requests

import hookseal
from events_apps import FAIL_KIND, ROUTED, RUNS, fastapi_app, flask_app
from events_samples import SECRETS, every_kind
from servers import asgi_server, django_app, wsgi_server

SAMPLES = {(p, k): payload for p, k, payload in every_kind()}
_ids = itertools.count()


@pytest.fixture(scope="module", params=["flask", "fastapi", "django"])
def base(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "flask":
        with wsgi_server(flask_app()) as url:
            yield url
    elif request.param == "fastapi":
        with asgi_server(fastapi_app()) as url:
            yield url
    else:
        app = django_app()
        from django.test.utils import override_settings

        with override_settings(ROOT_URLCONF="events_urls"), wsgi_server(app) as url:
            yield url


def delivery(provider: str, kind: str, **changes: Any) -> Dict[str, Any]:
    """The schema's sample of ``kind`` with a fresh event id (a new delivery)."""
    payload = json.loads(json.dumps(SAMPLES[(provider, kind)]))
    n = next(_ids)
    for field in ("id", "delivery_id"):
        if field in payload:
            payload[field] = f"evt_{n}"
    if provider == "salescaling":
        payload["id"] = f"evt_{n}"  # no id in the schema: the body's hash is the key anyway
    payload.update(changes)
    return payload


def post(base: str, provider: str, payload: Dict[str, Any]) -> Tuple[int, Any]:
    body = json.dumps(payload).encode()
    headers = {"Content-Type": "application/json", **hookseal.sign(provider, SECRETS[provider], body)}
    r = requests.post(f"{base}/events/{provider}", data=body, headers=headers, timeout=30)
    return r.status_code, r.json() if r.headers.get("content-type", "").startswith("application/json") else r.text


@pytest.mark.parametrize("provider", sorted(SECRETS))
def test_a_routed_kind_runs_its_handler_once(base: str, provider: str) -> None:
    payload = delivery(provider, ROUTED[provider])
    before = len(RUNS)
    status, answer = post(base, provider, payload)
    assert status == 200, answer
    expected = {
        "salesos": {"won": payload.get("data", {}).get("id")},
        "salesbooth": {"tenant": payload.get("tenant_id")},
    }.get(provider, {"received": True})
    assert {k: v for k, v in answer.items() if k != "framework"} == expected
    assert [r[:2] for r in RUNS[before:]] == [(provider, ROUTED[provider])]
    assert post(base, provider, payload) == (200, {"duplicate": True})
    assert len(RUNS) == before + 1


@pytest.mark.parametrize("provider", sorted(SECRETS))
def test_an_unrouted_kind_is_acknowledged(base: str, provider: str) -> None:
    from events_samples import kinds_of

    kind = next(k for k in kinds_of(provider) if k not in (ROUTED[provider], FAIL_KIND[provider]))
    payload = delivery(provider, kind)
    before = len(RUNS)
    assert post(base, provider, payload) == (200, {"received": True})
    assert post(base, provider, payload) == (200, {"duplicate": True})
    assert len(RUNS) == before


def test_a_kind_no_schema_lists_is_acknowledged(base: str) -> None:
    payload = {"id": f"evt_{next(_ids)}", "type": "pipeline.reshuffled", "created_at": "x", "data": {}}
    assert post(base, "salesos", payload) == (200, {"received": True})


@pytest.mark.parametrize("provider", sorted(SECRETS))
def test_a_failing_handler_is_released_and_its_retry_runs_it(base: str, provider: str) -> None:
    payload = delivery(provider, FAIL_KIND[provider])
    before = len(RUNS)
    assert post(base, provider, payload)[0] == 500
    assert post(base, provider, payload)[0] == 500
    assert RUNS[before:] == [(provider, FAIL_KIND[provider], "failed")] * 2


def test_an_invalid_payload_is_400_before_any_handler(base: str) -> None:
    payload = delivery("salesos", "deal.won")
    payload["data"]["value"] = "a lot"
    before = len(RUNS)
    status, answer = post(base, "salesos", payload)
    assert status == 400
    assert answer["error"] == "invalid_payload"
    assert answer["message"].endswith("$.data.value must be a number, not a string")
    assert "a lot" not in answer["message"]
    assert len(RUNS) == before
