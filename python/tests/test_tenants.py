"""Per-tenant secrets (docs/tenants.md) in every helper, behind real servers on
127.0.0.1: each tenant verifies with its own secrets; a rotation is picked up once the
cache's TTL passes, without a restart; a resolver that fails is answered 503 with
``Retry-After`` and the retry succeeds (nothing cached, nothing lost); an unknown tenant
is 404; concurrent misses of one tenant share one resolver call; the tenant is part of
the claim key."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, Iterator, Tuple
from unittest.mock import ANY

import pytest
import requests

import hookseal
import tenant_apps
from hookseal._tenants import Tenants
from hookseal.stores._dedupe import claim_key
from servers import ASYNC_PREFIX, aiohttp_server, asgi_server, django_app, django_asgi_app, wsgi_server
from tenant_apps import DIRECTORY, SCHEME, TTL

_n = itertools.count()
Post = Callable[[str, bytes, Dict[str, str]], Tuple[int, Dict[str, str], Any]]


def delivery(secret: str) -> Tuple[bytes, Dict[str, str]]:
    body = json.dumps({"event": "deal.created", "id": f"evt_t_{next(_n)}", "tenant_id": "x"}).encode()
    return body, hookseal.sign(SCHEME, secret, body)


def http(base: str) -> Post:
    def post(tenant: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, Dict[str, str], Any]:
        url = f"{base}/hooks/{requests.utils.quote(tenant, safe='')}"
        r = requests.post(url, data=body, headers=headers, timeout=10)
        return r.status_code, dict(r.headers), r.json()

    return post


def lambda_post() -> Post:
    handler = tenant_apps.lambda_handler(DIRECTORY)

    def post(tenant: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, Dict[str, str], Any]:
        event = {"version": "2.0", "headers": headers, "body": body.decode(), "pathParameters": {"tenant": tenant}}
        r = handler(event, None)
        return r["statusCode"], r.get("headers", {}), json.loads(r["body"])

    return post


APPS = {
    "flask": lambda: wsgi_server(tenant_apps.flask_app(DIRECTORY)),
    "fastapi": lambda: asgi_server(tenant_apps.fastapi_app(DIRECTORY)),
    "django": lambda: wsgi_server(django_app()),
    "django-async": lambda: asgi_server(django_asgi_app()),
    "aiohttp": lambda: aiohttp_server(tenant_apps.aiohttp_app(DIRECTORY)),
    "starlette": lambda: asgi_server(tenant_apps.starlette_app(DIRECTORY)),
    "litestar": lambda: asgi_server(tenant_apps.litestar_app(DIRECTORY)),
}


@pytest.fixture(scope="module", params=[*APPS, "lambda"])
def post(request: pytest.FixtureRequest) -> Iterator[Post]:
    if request.param == "lambda":
        yield lambda_post()
        return
    with APPS[request.param]() as base:
        yield http(base + (ASYNC_PREFIX if request.param == "django-async" else ""))


@pytest.fixture(autouse=True)
def directory() -> Iterator[tenant_apps.Directory]:
    DIRECTORY.reset()
    yield DIRECTORY


def test_each_tenant_verifies_with_its_own_secrets(post: Post) -> None:
    body, headers = delivery("whsec_acme")
    status, _, reply = post("acme", body, headers)
    assert (status, reply["tenant"], reply["key"]) == (200, "acme", json.loads(body)["id"])
    # The same signature sent as another tenant's is not theirs.
    assert post("globex", *delivery("whsec_acme"))[0] == 401
    status, _, reply = post("globex", *delivery("whsec_globex"))
    assert (status, reply["tenant"]) == (200, "globex")
    status, _, reply = post("a:b%c", *delivery("whsec_odd"))
    assert (status, reply["tenant"]) == (200, "a:b%c")


def test_unknown_tenant_is_404_and_asks_again(post: Post) -> None:
    status, headers, reply = post("initech", *delivery("whsec_acme"))
    assert (status, reply["error"]) == (404, "unknown_tenant")
    assert "retry-after" not in {k.lower() for k in headers}
    # Not cached: a tenant set up a moment later verifies at once.
    DIRECTORY.secrets["initech"] = ["whsec_initech"]
    assert post("initech", *delivery("whsec_initech"))[0] == 200
    assert DIRECTORY.calls == ["initech", "initech"]


def test_a_failing_resolver_is_503_then_the_retry_is_processed(post: Post) -> None:
    DIRECTORY.fail = True
    body, headers = delivery("whsec_acme")
    status, answer_headers, reply = post("acme", body, headers)
    assert (status, reply["error"]) == (503, "secrets_unavailable")
    assert {k.lower(): v for k, v in answer_headers.items()}["retry-after"] == "5"
    assert "hunter2" not in json.dumps(reply)
    DIRECTORY.fail = False
    # The provider's retry of the same delivery: processed, not a duplicate.
    status, _, reply = post("acme", body, headers)
    assert (status, reply["tenant"]) == (200, "acme")
    assert post("acme", body, headers)[2] == {"duplicate": True}
    assert DIRECTORY.calls == ["acme", "acme"]


def test_rotation_is_picked_up_after_the_ttl(post: Post) -> None:
    assert post("acme", *delivery("whsec_acme"))[0] == 200
    DIRECTORY.secrets["acme"] = ["whsec_acme_2"]
    # Within the TTL the cached verifier answers (one resolver call so far).
    assert post("acme", *delivery("whsec_acme_2"))[0] == 401
    assert DIRECTORY.calls == ["acme"]
    DIRECTORY.now += TTL + 1
    assert post("acme", *delivery("whsec_acme_2"))[0] == 200
    assert post("acme", *delivery("whsec_acme"))[0] == 401
    assert DIRECTORY.calls == ["acme", "acme"]


def test_the_tenant_is_in_the_claim_key(post: Post) -> None:
    # The same delivery (same event id) for two tenants: two events, each processed once.
    body = json.dumps({"event": "deal.created", "id": f"evt_t_{next(_n)}"}).encode()
    DIRECTORY.secrets["globex"] = ["whsec_acme"]
    headers = hookseal.sign(SCHEME, "whsec_acme", body)
    assert post("acme", body, headers)[2]["tenant"] == "acme"
    assert post("globex", body, headers)[2]["tenant"] == "globex"
    assert post("acme", body, headers)[2] == {"duplicate": True}


def test_concurrent_misses_share_one_resolver_call(post: Post) -> None:
    DIRECTORY.hold = 6
    with ThreadPoolExecutor(6) as pool:
        replies = list(pool.map(lambda _: post("acme", *delivery("whsec_acme"))[0], range(6)))
    assert replies == [200] * 6
    assert DIRECTORY.calls == ["acme"]


def test_claim_key_escapes_the_tenant() -> None:
    body = b'{"delivery_id":"d:1"}'
    verified = hookseal.Verifier("saleslab", ["s"]).verify(body, hookseal.sign("saleslab", "s", body))
    assert claim_key(verified, "a:b/c%") == "saleslab/a%3Ab%2Fc%25:d:1"
    assert claim_key(verified) == "saleslab:d:1"


def test_single_flight_in_threads_and_tasks() -> None:
    calls = []
    gate = threading.Event()

    def load(tenant: str) -> Any:
        calls.append(tenant)
        gate.wait(5)
        return ["whsec_a"]

    tenants = Tenants(SCHEME, load, {})
    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(tenants.resolve, "a") for _ in range(8)]
        while not tenants._flights:
            pass
        gate.set()
        verifiers = {id(f.result()) for f in futures}
    assert calls == ["a"] and len(verifiers) == 1

    async def load_async(tenant: str) -> Any:
        calls.append(tenant)
        await asyncio.sleep(0)
        return ["whsec_b"]

    async def many() -> Any:
        tenants = Tenants(SCHEME, load_async, {})
        tasks = [asyncio.create_task(tenants.resolve_async("b")) for _ in range(8)]
        # One cancelled waiter cancels nobody else's resolution.
        await asyncio.sleep(0)
        tasks[0].cancel()
        return await asyncio.gather(*tasks[1:])

    found = asyncio.run(many())
    assert calls == ["a", "b"] and len({id(v) for v in found}) == 1


def test_the_cache_is_bounded_and_errors_are_not_cached() -> None:
    now = [0.0]
    built = []

    def load(tenant: str) -> Any:
        built.append(tenant)
        if tenant == "bad":
            return ["  whsec_padded\n"] if hasattr(hookseal, "Secret") else [""]
        return ["whsec_" + tenant]

    tenants = Tenants(SCHEME, load, {}, {"max": 2, "ttl": 10, "clock": lambda: now[0]})
    for name in ["a", "b", "a", "c", "a", "b"]:
        assert isinstance(tenants.resolve(name), hookseal.Verifier)
    # "b" was the least recently used when "c" came in.
    assert built == ["a", "b", "c", "b"]
    answer = tenants.resolve("bad")
    assert (answer.status, json.loads(answer.body)["error"]) == (500, "invalid_secret")
    tenants.resolve("bad")
    assert built.count("bad") == 2
    with pytest.raises(TypeError, match="max, ttl and clock"):
        Tenants(SCHEME, load, {}, {"size": 3})


def test_options_and_misuse() -> None:
    from hookseal.flask import verify_webhook

    with pytest.raises(TypeError, match="needs tenant="):
        verify_webhook(SCHEME, secrets=lambda t: ["x"])
    with pytest.raises(TypeError, match="scheme id, not a Verifier"):
        verify_webhook(hookseal.Verifier(SCHEME, ["x"]), tenant=lambda r: "a", secrets=lambda t: ["x"])
    tenants = Tenants(SCHEME, lambda t: ["whsec_a"], {"tolerance": 10, "max_body": 64})
    verifier = tenants.resolve("a")
    assert isinstance(verifier, hookseal.Verifier) and verifier.max_body == 64


def test_the_flask_tenants_example(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/flask/tenants.py as shipped: two tenants from a JSON file, a rotation by
    editing the file, an unknown tenant, a file that cannot be read."""
    import importlib.util

    from conftest import REPO

    secrets = tmp_path / "tenants.json"
    secrets.write_text(json.dumps({"acme": ["whsec_acme"], "globex": ["whsec_globex"]}))
    monkeypatch.setenv("TENANT_SECRETS", str(secrets))
    monkeypatch.setenv("TENANT_CACHE_TTL", "0")  # every delivery reads the file
    spec = importlib.util.spec_from_file_location("example_flask_tenants", REPO / "examples/flask/tenants.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with wsgi_server(module.app) as base:

        def post(tenant: str, secret: str) -> Tuple[int, Any]:
            body, headers = delivery(secret)
            r = requests.post(f"{base}/hooks/salesbooth/{tenant}", data=body, headers=headers, timeout=10)
            return r.status_code, r.json()

        assert post("acme", "whsec_acme") == (200, {"received": True, "tenant": "acme"})
        assert post("globex", "whsec_acme")[0] == 401
        assert post("initech", "whsec_acme")[1]["error"] == "unknown_tenant"
        secrets.write_text(json.dumps({"acme": ["whsec_acme_2"]}))
        assert post("acme", "whsec_acme_2")[0] == 200
        secrets.unlink()
        assert post("acme", "whsec_acme_2") == (503, {"error": "secrets_unavailable", "message": ANY})


def test_a_sync_helper_refuses_an_async_resolver() -> None:
    async def load(tenant: str) -> Any:
        return ["whsec_a"]

    with pytest.raises(TypeError, match="synchronous"):
        Tenants(SCHEME, load, {}).resolve("a")


def test_the_tenant_is_a_str() -> None:
    from hookseal._pipeline import Receiver

    receiver = Receiver(SCHEME, tenant=lambda r: r, secrets=lambda t: ["whsec_a"])
    assert receiver.pick("")[0] == 404  # type: ignore[index]
    assert receiver.pick(None)[0] == 404  # type: ignore[index]
    with pytest.raises(TypeError, match="as a str"):
        receiver.pick(42)


@pytest.mark.skipif(not hasattr(hookseal, "Secret"), reason="hookseal.Secret not built in")
def test_a_resolved_secret_retires_at_its_not_after(post: Post) -> None:
    # The old secret's window closed a minute ago; the dict spelling of the same entry.
    import time

    past = int(time.time()) - 60
    DIRECTORY.secrets["acme"] = [hookseal.Secret("whsec_acme", not_after=past), "whsec_acme_2"]
    DIRECTORY.secrets["globex"] = [{"secret": "whsec_globex", "not_after": past + 3600}]
    assert post("acme", *delivery("whsec_acme"))[0] == 401
    assert post("acme", *delivery("whsec_acme_2"))[0] == 200
    assert post("globex", *delivery("whsec_globex"))[0] == 200
