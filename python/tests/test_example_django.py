"""examples/django as shipped, in its own processes (Django's settings are per process):
``serve.sh`` (Django's runserver, WSGI) and ``serve.sh asgi`` (uvicorn, ASGI, where the
async views run on the event loop), each on 127.0.0.1. Through both, each provider's
routed kind reaches its typed handler once (the repeat is 200 ``{"duplicate": true}``),
through a sync view (saleslab, salesos) and an async one (salesbooth, salescaling); an
unrouted kind is acknowledged, a tampered body is 401, a second signature header 400,
a verified body that is not JSON 400 invalid_payload."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from typing import Any, Iterator

import pytest

import hookseal
from conftest import REPO
from events_samples import every_kind
from processes import post_lines
from test_events_examples import ROUTED, SECRET_OF
from test_examples import SECRETS

HERE = REPO / "examples" / "django"
SERVERS = ["wsgi", "asgi"]  # serve.sh's runserver, uvicorn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(params=SERVERS)
def base(request: Any) -> Iterator[str]:
    port = free_port()
    # serve.sh's `python` is this interpreter (its venv has Django and uvicorn).
    path = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    env = {**os.environ, **SECRETS, "PORT": str(port), "PATH": path}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    proc = subprocess.Popen(
        ["bash", str(HERE / "serve.sh"), request.param], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"{request.param} exited: {proc.stderr.read() if proc.stderr else ''}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, f"{request.param} did not listen on {port}"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def signed_bytes(provider: str, body: bytes) -> "list[tuple[str, str]]":
    return list(hookseal.sign(provider, SECRET_OF[provider], body).items())


def signed(provider: str, payload: Any) -> "tuple[bytes, list[tuple[str, str]]]":
    body = json.dumps(payload).encode()
    return body, signed_bytes(provider, body)


def test_each_provider_is_routed_once(base: str) -> None:
    samples = {(p, k): payload for p, k, payload in every_kind()}
    for provider, (kind, answer) in ROUTED.items():
        payload = samples[(provider, kind)]
        body, headers = signed(provider, payload)
        assert post_lines(f"{base}/{provider}", body, headers) == (200, {"received": True, **answer(payload)})
        assert post_lines(f"{base}/{provider}", body, headers) == (200, {"duplicate": True})


@pytest.mark.parametrize("provider", ["salesos", "salesbooth"])  # a sync view, an async one
def test_unrouted_tampered_and_doubled(base: str, provider: str) -> None:
    kind = next(k for p, k, _ in every_kind() if p == provider and k != ROUTED[provider][0])
    payload = next(body for p, k, body in every_kind() if (p, k) == (provider, kind))
    body, headers = signed(provider, payload)
    assert post_lines(f"{base}/{provider}", body, headers) == (200, {"received": True})
    status, answer = post_lines(f"{base}/{provider}", body + b" ", headers)
    assert (status, answer["error"]) == (401, "signature_mismatch")
    twice = headers + [h for h in headers if h[0].endswith("-signature")]
    status, answer = post_lines(f"{base}/{provider}", body, twice)
    assert (status, answer["error"]) == (400, "malformed_signature")
    not_json = b'{"id":"evt_not_json",'
    status, answer = post_lines(f"{base}/{provider}", not_json, signed_bytes(provider, not_json))
    assert (status, answer["error"]) == (400, "invalid_payload")
