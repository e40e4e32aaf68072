"""The Flask, FastAPI, aiohttp, Starlette and Litestar examples route one kind per
provider (``hookseal.Router``): a payload of that kind built from its schema reaches its
typed handler once, behind a real server on 127.0.0.1 (the repeat is 200
``{"duplicate": true}``); a verified body that is not JSON is 400 ``invalid_payload``.
(examples/django and examples/lambda-python test the same in their own tests.)"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterator, Tuple

import pytest

import hookseal
from events_samples import every_kind
from processes import post_lines
from test_examples import SECRETS, SERVERS, load

ROUTED: Dict[str, Tuple[str, Callable[[Dict[str, Any]], Dict[str, Any]]]] = {
    "saleslab": ("session.completed", lambda p: {"session": p["session"]["id"]}),
    "salesos": ("deal.won", lambda p: {"deal": p["data"]["id"]}),
    "salesbooth": ("deal.closed", lambda p: {"tenant": p["tenant_id"]}),
    "salescaling": ("commercial_signal_detected", lambda p: {"signal": p["code"]}),
}
SECRET_OF = dict(zip(["saleslab", "salesos", "salesbooth", "salescaling"], SECRETS.values()))


@pytest.fixture(params=list(SERVERS))
def base(request: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("HOOKSEAL_DB", raising=False)
    app = load(request.param).app
    with SERVERS[request.param](app) as url:
        yield url


def test_the_example_routes_one_kind_per_provider(base: str) -> None:
    samples = {(p, k): payload for p, k, payload in every_kind()}
    for provider, (kind, answer) in ROUTED.items():
        payload = samples[(provider, kind)]
        body = json.dumps(payload).encode()
        headers = list(hookseal.sign(provider, SECRET_OF[provider], body).items())
        assert post_lines(f"{base}/{provider}", body, headers) == (200, {"received": True, **answer(payload)})
        assert post_lines(f"{base}/{provider}", body, headers) == (200, {"duplicate": True})


def test_a_verified_body_that_is_not_json_is_400(base: str) -> None:
    body = b'{"event":"deal.closed","id":"evt_not_json","tenant_id":"t",'
    headers = list(hookseal.sign("salesbooth", SECRET_OF["salesbooth"], body).items())
    status, answer = post_lines(f"{base}/salesbooth", body, headers)
    assert (status, answer["error"]) == (400, "invalid_payload")
