"""run_once: what the Flask, FastAPI and Django helpers do with a store."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hookseal.stores import DUPLICATE_BODY, MemoryStore, claim_key, run_once

EVENT = SimpleNamespace(scheme="salesos", idempotency_key="evt_1")


def test_the_handler_runs_once() -> None:
    store = MemoryStore()
    runs = []

    def handler() -> int:
        runs.append(1)
        return 204

    results = [run_once(store, EVENT, handler=handler, duplicate=lambda: 200, status=lambda r: r) for _ in range(3)]
    assert results == [204, 200, 200]
    assert len(runs) == 1
    assert claim_key(EVENT) == "salesos:evt_1"
    assert DUPLICATE_BODY == {"duplicate": True}


def test_an_exception_releases_the_claim() -> None:
    store = MemoryStore()

    def boom() -> int:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run_once(store, EVENT, handler=boom, duplicate=lambda: 200, status=lambda r: r)
    assert store.claim("salesos:evt_1") == "first"


@pytest.mark.parametrize("status,released", [(500, True), (503, True), (422, False), (204, False)])
def test_a_5xx_releases_the_claim(status: int, released: bool) -> None:
    store = MemoryStore()
    run_once(store, EVENT, handler=lambda: status, duplicate=lambda: 200, status=lambda r: r)
    assert (store.claim("salesos:evt_1") == "first") is released
