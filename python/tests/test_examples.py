"""The receivers in examples/flask, fastapi, aiohttp, starlette and litestar, as shipped,
behind real servers on 127.0.0.1: a genuine delivery is processed once, its repeat is 200
{"duplicate": true}, a tampered one 401, a second signature header 400
malformed_signature. examples/lambda-python's own local handler test passes."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from typing import Any, Iterator, Tuple

import pytest

import hookseal
from conftest import REPO
from processes import post_lines
from servers import aiohttp_server, asgi_server, wsgi_server

SERVERS = {
    "flask": wsgi_server,
    "fastapi": asgi_server,
    "aiohttp": aiohttp_server,
    "starlette": asgi_server,
    "litestar": asgi_server,
}

SECRETS = {
    "SALESLAB_SIGNING_SECRET": "sl_secret",
    "SALESOS_WEBHOOK_SECRET": "whsec_os",
    "SALESBOOTH_WEBHOOK_SECRET": "whsec_sb",
    "SALESCALING_TOKEN": "tok",
}


def load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"example_{name}", REPO / "examples" / name / "app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered as an import would be: Litestar looks the handlers' module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(params=list(SERVERS))
def base(request: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("HOOKSEAL_DB", raising=False)
    app = load(request.param).app
    with SERVERS[request.param](app) as url:
        yield url


def post(base: str, body: bytes, headers: "list[tuple[str, str]]") -> Tuple[int, Any]:
    return post_lines(base + "/salesbooth", body, headers)


def test_the_example_receives_once(base: str) -> None:
    body = b'{"event":"deal.created","id":"evt_example_1","tenant_id":"t"}'
    headers = list(hookseal.sign("salesbooth", SECRETS["SALESBOOTH_WEBHOOK_SECRET"], body).items())
    assert post(base, body, headers) == (200, {"received": True})
    assert post(base, body, headers) == (200, {"duplicate": True})
    status, payload = post(base, body + b" ", headers)
    assert (status, payload["error"]) == (401, "signature_mismatch")
    twice = headers + [("x-salesbooth-signature", "v1=" + "0" * 64)]
    status, payload = post(base, b'{"id":"evt_example_2"}', twice)
    assert (status, payload["error"]) == (400, "malformed_signature")


def test_the_lambda_example_passes_its_local_handler_test() -> None:
    """As a user runs it: pytest in the example's folder, the handler invoked with AWS's
    event shapes."""
    here = REPO / "examples" / "lambda-python"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_handler.py"],
        cwd=here, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert " passed" in run.stdout
