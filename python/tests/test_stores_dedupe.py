"""run_once: what the Flask and Django helpers (and FastAPI, through the same begin and
settle) do with a store, as the core's decision table says."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, List, Optional

import pytest

import hookseal
from hookseal.stores import DUPLICATE_BODY, Claim, MemoryStore, claim_key, run_once

EVENT = SimpleNamespace(scheme="salesos", idempotency_key="evt_1")
KEY = "salesos:evt_1"


def once(store: Any, handler: Any, lease: Optional[float] = None) -> Any:
    return run_once(store, EVENT, handler=handler, status=lambda r: r, respond=lambda a: a, lease=lease)


def test_the_handler_runs_once() -> None:
    store = MemoryStore()
    runs: List[int] = []

    def handler() -> int:
        runs.append(1)
        return 204

    assert once(store, handler) == 204
    again = once(store, handler)
    assert (again.status, again.body) == (200, b'{"duplicate":true}')
    assert len(runs) == 1
    assert claim_key(EVENT) == KEY
    assert DUPLICATE_BODY == {"duplicate": True}


def test_an_empty_idempotency_key_is_never_claimed() -> None:
    store = MemoryStore()
    event = SimpleNamespace(scheme="saleslab", idempotency_key="")
    for _ in range(2):
        assert run_once(store, event, handler=lambda: 204, status=lambda r: r, respond=lambda a: a) == 204
    assert len(store) == 0


def test_an_exception_releases_the_claim() -> None:
    store = MemoryStore()

    def boom() -> int:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        once(store, boom)
    assert store.claim(KEY).outcome == "first"


@pytest.mark.parametrize("status", [100, 301, 400, 422, 429, 500, 503])
def test_any_non_2xx_releases_the_claim(status: int) -> None:
    store = MemoryStore()
    assert once(store, lambda: status) == status
    assert store.claim(KEY).outcome == "first"


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_a_2xx_completes_the_claim(status: int) -> None:
    store = MemoryStore()
    once(store, lambda: status)
    assert store.claim(KEY).outcome == "done"


def test_a_retry_while_the_first_runs_is_503_with_retry_after() -> None:
    store = MemoryStore()
    store.claim(KEY, lease=41.2)
    answer = once(store, lambda: pytest.fail("ran beside the first attempt"))
    assert answer.status == 503
    assert dict(answer.headers)["retry-after"] == "42"
    assert answer.body.startswith(b'{"error":"delivery_in_progress"')


class Down:
    def claim(self, key: str, lease: Any = None) -> Claim:
        raise ConnectionError("store down")

    def complete(self, key: str, token: str, ttl: Any = None) -> None:
        raise ConnectionError("store down")

    def release(self, key: str, token: str) -> None:
        raise ConnectionError("store down")

    def close(self) -> None:
        pass


def test_a_store_error_is_503_store_unavailable() -> None:
    answer = once(Down(), lambda: pytest.fail("the handler ran without a claim"))
    row = hookseal.receive_contract()["replies"]["store_unavailable"]
    assert answer.status == row["status"] == 503
    assert dict(answer.headers)["retry-after"] == str(row["retry_after"]) == "5"
    assert answer.body.startswith(b'{"error":"store_unavailable"')


def test_a_failed_complete_or_release_keeps_the_answer() -> None:
    class CompleteDown(MemoryStore):
        def complete(self, key: str, token: str, ttl: Any = None) -> None:
            raise ConnectionError("store down")

    store = CompleteDown()
    assert once(store, lambda: 204, lease=0.1) == 204
    # What was left is a lease: after it, the retry runs the handler (never lost).
    assert store.claim(KEY).outcome == "processing"
