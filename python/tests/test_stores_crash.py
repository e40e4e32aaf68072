"""A receiver process per framework and persistent store, driven over real HTTP with a
2 s lease (the public ``lease`` option):

- SIGKILLed inside its handler: a retry within the lease is 503 ``delivery_in_progress``
  with ``Retry-After``; after the lease the retry runs the handler and gets 2xx; then a
  duplicate is 200 ``{"duplicate": true}``.
- A retry while the first attempt runs is 503 with ``Retry-After``; when the first then
  fails, the next retry runs the handler.
- A handler answering 429, or returning a 503 response, releases its claim.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

from processes import FRAMEWORKS, Reply, deliver, delivery, running, runs, wait_for
from stores_cases import RUN, Kind, kinds, kinds_named, receiver_env

LEASE = 3.0


class Scene:
    """One framework and store: the control directory, the runs file, the env."""

    def __init__(self, framework: str, kind: Kind, tmp_path: Path) -> None:
        self.framework = framework
        self.control = tmp_path / "control"
        self.control.mkdir()
        self.runs_file = tmp_path / "runs"
        self.env = {
            **receiver_env(kind, kind.where(tmp_path)),
            "LEASE": str(LEASE),
            "CONTROL": str(self.control),
            "RUNS_FILE": str(self.runs_file),
        }
        self.prefix = f"evt_{framework}_{kind.name}_{RUN}"

    def event(self, name: str, action: str) -> "tuple[bytes, Dict[str, str], str]":
        event_id = f"{self.prefix}_{name}"
        self.act(event_id, action)
        body, headers = delivery(event_id)
        return body, headers, event_id

    def act(self, event_id: str, action: str) -> None:
        (self.control / event_id).write_text(action)

    def runs_of(self, event_id: str) -> List[str]:
        if not self.runs_file.exists():
            return []
        return [line.split()[2] for line in self.runs_file.read_text().splitlines() if line.split()[1] == event_id]


def assert_in_progress(reply: Optional[Reply]) -> None:
    assert reply is not None
    assert reply.status == 503, reply
    assert reply.json["error"] == "delivery_in_progress"
    assert 1 <= int(reply.headers["retry-after"]) <= LEASE


def assert_processed(reply: Optional[Reply]) -> None:
    assert reply is not None and (reply.status, reply.json) == (200, {"processed": True}), reply


def assert_duplicate(reply: Optional[Reply]) -> None:
    assert reply is not None and (reply.status, reply.json) == (200, {"duplicate": True}), reply


# aiohttp stands for the asyncio helpers: they share run_once_async (each one's status rule
# is in test_stores_frameworks.py).
@pytest.fixture(params=FRAMEWORKS + ["aiohttp"])
def framework(request: Any) -> str:
    return request.param  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", kinds(persistent_only=True))
def test_killed_inside_the_handler_costs_one_lease(framework: str, kind: Kind, tmp_path: Path) -> None:
    scene = Scene(framework, kind, tmp_path)
    body, headers, event_id = scene.event("crash", "crash")
    # The provider's retry reaches a second receiver sharing the store, already up.
    with running(framework, scene.env) as crashing, running(framework, scene.env) as other:
        assert deliver(crashing.url, body, headers) is None  # SIGKILL inside the handler
        crashing.proc.wait(timeout=30)
        killed_at = time.monotonic()
        assert scene.runs_of(event_id) == ["crash"]
        scene.act(event_id, "ok")
        assert_in_progress(deliver(other.url, body, headers))
        time.sleep(max(0.0, LEASE + 0.2 - (time.monotonic() - killed_at)))
        assert_processed(deliver(other.url, body, headers))
        assert_duplicate(deliver(other.url, body, headers))
    assert scene.runs_of(event_id) == ["crash", "ok"]


@pytest.mark.parametrize("kind", kinds())
def test_in_flight_retry_then_failure_then_retry(framework: str, kind: Kind, tmp_path: Path) -> None:
    in_flight_then_released(framework, kind, tmp_path)


# The other asyncio helpers, each with its own status rule, on the SQLite store: a retry
# in flight, a failure, a 429 and a returned 503 release the claim as in aiohttp.
@pytest.mark.parametrize("kind", kinds_named("sqlite"))
@pytest.mark.parametrize("other", ["starlette", "litestar", "django-async"])
def test_in_flight_retry_in_the_other_async_helpers(other: str, kind: Kind, tmp_path: Path) -> None:
    in_flight_then_released(other, kind, tmp_path)


def in_flight_then_released(framework: str, kind: Kind, tmp_path: Path) -> None:
    scene = Scene(framework, kind, tmp_path)
    with running(framework, scene.env) as receiver:
        # A retry while the first attempt runs; the first then fails.
        body, headers, event_id = scene.event("inflight", "sleep:2:500")
        first: List[Optional[Reply]] = []
        thread = threading.Thread(target=lambda: first.append(deliver(receiver.url, body, headers)))
        thread.start()
        wait_for(lambda: bool(scene.runs_of(event_id)))
        assert_in_progress(deliver(receiver.url, body, headers))
        thread.join()
        assert first[0] is not None and first[0].status == 500
        scene.act(event_id, "ok")
        assert_processed(deliver(receiver.url, body, headers))
        assert_duplicate(deliver(receiver.url, body, headers))
        assert scene.runs_of(event_id) == ["sleep:2:500", "ok"]

        # 429 (Salesbooth retries it) and a returned 503 release the claim.
        for name, action in (("429", "status:429"), ("503", "status:503")):
            body, headers, event_id = scene.event(name, action)
            reply = deliver(receiver.url, body, headers)
            assert reply is not None and reply.status == int(action.split(":")[1])
            scene.act(event_id, "ok")
            assert_processed(deliver(receiver.url, body, headers))
            assert_duplicate(deliver(receiver.url, body, headers))
            assert scene.runs_of(event_id) == [action, "ok"]
