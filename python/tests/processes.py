"""Receiver processes (tests/receiver.py) started and killed by the tests, and deliveries
sent to them over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, NamedTuple, Optional

import hookseal

RECEIVER = Path(__file__).with_name("receiver.py")
SECRET = "whsec_test"
FRAMEWORKS = ["flask", "fastapi", "django"]
# The asyncio helpers: in the body and header tests (their store rule is the shared
# run_once_async, tested in test_stores_frameworks.py).
ASYNC_FRAMEWORKS = ["aiohttp", "starlette", "litestar", "django-async"]


class Receiver(NamedTuple):
    proc: "subprocess.Popen[str]"
    url: str

    @property
    def pid(self) -> int:
        return self.proc.pid


def start(framework: str, env: Dict[str, str]) -> Receiver:
    proc = subprocess.Popen(
        [sys.executable, str(RECEIVER)],
        env={**os.environ, **env, "FRAMEWORK": framework},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    port = proc.stdout.readline().strip()
    assert port, "the receiver did not start"
    return Receiver(proc, f"http://127.0.0.1:{port}/hooks")


def stop(receiver: Receiver) -> None:
    if receiver.proc.poll() is None:
        receiver.proc.send_signal(signal.SIGKILL)
    receiver.proc.wait(timeout=30)


@contextmanager
def running(framework: str, env: Dict[str, str]) -> Iterator[Receiver]:
    receiver = start(framework, env)
    try:
        yield receiver
    finally:
        stop(receiver)


class Reply(NamedTuple):
    status: int
    headers: Dict[str, str]
    json: Any


def delivery(event_id: str) -> "tuple[bytes, Dict[str, str]]":
    body = json.dumps({"event": "deal.created", "id": event_id, "tenant_id": "t"}).encode()
    return body, hookseal.sign("salesbooth", SECRET, body)


def deliver(url: str, body: bytes, headers: Dict[str, str], timeout: float = 30) -> Optional[Reply]:
    """POSTs a delivery; the reply, or ``None`` when the connection broke without one
    (the receiver died)."""
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Reply(r.status, {k.lower(): v for k, v in r.headers.items()}, json.loads(r.read()))
    except urllib.error.HTTPError as e:
        return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, json.loads(e.read() or b"null"))
    except (ConnectionError, urllib.error.URLError, OSError):
        return None


def wait_for(check: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def runs(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def post_lines(url: str, body: bytes, headers: "list[tuple[str, Any]]") -> "tuple[int, Any]":
    """POSTs ``body`` to ``url`` with exactly these header lines: a name given twice is
    sent twice, a ``bytes`` value as its raw bytes. Returns the status and the JSON."""
    import http.client
    from urllib.parse import urlsplit

    where = urlsplit(url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        conn.putrequest("POST", where.path)
        conn.putheader("Content-Length", str(len(body)))
        for name, value in headers:
            conn.putheader(name, value)
        conn.endheaders(body)
        reply = conn.getresponse()
        return reply.status, json.loads(reply.read())
    finally:
        conn.close()
