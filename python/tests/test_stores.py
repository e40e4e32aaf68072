"""The store contract, the same for every store: a claim is first once and a duplicate
after, atomically, until it expires or is released."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path
from typing import Any, Iterator, List

import pytest

import hookseal
from hookseal.stores import DEFAULT_LEASE, DEFAULT_TTL, MemoryStore, Store
from stores_cases import RUN, Kind, kinds

_n = itertools.count()


def fresh() -> str:
    return f"test:{RUN}:{next(_n)}"


@pytest.fixture(params=kinds())
def kind(request: Any) -> Kind:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def opened(kind: Kind, tmp_path: Path) -> Iterator[Any]:
    """``opened()`` opens a store instance on the same backing data; all are closed after."""
    where = kind.where(tmp_path)
    stores: List[Store] = []

    def open_store() -> Store:
        stores.append(kind.make(where))
        return stores[-1]

    yield open_store
    for s in stores:
        s.close()


@pytest.fixture
def store(opened: Any) -> Store:
    return opened()  # type: ignore[no-any-return]


def test_first_processing_then_done(store: Store) -> None:
    key = fresh()
    first = store.claim(key)
    assert first.outcome == "first" and first.token and len(first.token) == 32
    held = store.claim(key)
    assert held.outcome == "processing" and held.token is None
    assert 0 < held.lease_left <= DEFAULT_LEASE
    store.complete(key, first.token)
    assert store.claim(key).outcome == "done"
    assert store.claim(key, lease=5).outcome == "done"


def test_keys_are_independent(store: Store) -> None:
    assert store.claim(fresh()).outcome == "first"
    assert store.claim(fresh()).outcome == "first"


def test_tokens_are_random(store: Store) -> None:
    tokens = {store.claim(fresh()).token for _ in range(20)}
    assert len(tokens) == 20 and all(t and int(t, 16) >= 0 and t == t.lower() for t in tokens)


def test_release_lets_the_retry_run(store: Store) -> None:
    key = fresh()
    first = store.claim(key)
    assert first.token
    store.release(key, first.token)
    again = store.claim(key)
    assert again.outcome == "first" and again.token != first.token
    assert store.claim(key).outcome == "processing"


def test_release_and_complete_are_owner_checked(store: Store) -> None:
    key = fresh()
    first = store.claim(key, lease=0.2)
    time.sleep(0.4)
    second = store.claim(key)  # the lease expired: another attempt takes over
    assert second.outcome == "first" and first.token and second.token
    store.release(key, first.token)  # a late release of the first attempt
    store.complete(key, first.token)
    assert store.claim(key).outcome == "processing"  # still the second's lease
    store.complete(key, second.token)
    store.release(key, second.token)  # no longer a lease: nothing to release
    assert store.claim(key).outcome == "done"


def test_release_of_an_unknown_key(store: Store) -> None:
    store.release(fresh(), "0" * 32)
    store.complete(fresh(), "0" * 32)


def test_a_lease_expires(store: Store) -> None:
    key = fresh()
    assert store.claim(key, lease=0.15).outcome == "first"
    assert store.claim(key, lease=0.15).outcome == "processing"
    time.sleep(0.4)
    assert store.claim(key, lease=0.15).outcome == "first"


def test_done_expires_after_its_ttl(store: Store) -> None:
    key = fresh()
    first = store.claim(key)
    assert first.token
    store.complete(key, first.token, ttl=0.15)
    assert store.claim(key).outcome == "done"
    time.sleep(0.4)
    assert store.claim(key).outcome == "first"


def test_50_concurrent_claims_one_first(kind: Kind, opened: Any) -> None:
    key = fresh()
    # Persistent stores: claims through several connections, as separate receivers.
    stores = [opened() for _ in range(5)] if kind.persistent else [opened()]
    barrier = threading.Barrier(50)
    results: List[str] = []
    lock = threading.Lock()

    def claim(i: int) -> None:
        barrier.wait()
        r = stores[i % len(stores)].claim(key).outcome
        with lock:
            results.append(r)

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["first"] + ["processing"] * 49


@pytest.mark.parametrize("key", ["", None, 42])
def test_bad_keys_are_refused(store: Store, key: Any) -> None:
    with pytest.raises(TypeError):
        store.claim(key)
    with pytest.raises(TypeError):
        store.release(key, "0" * 32)
    with pytest.raises(TypeError):
        store.complete(key, "0" * 32)


@pytest.mark.parametrize("token", ["", None, 42])
def test_bad_tokens_are_refused(store: Store, token: Any) -> None:
    with pytest.raises(TypeError):
        store.release(fresh(), token)
    with pytest.raises(TypeError):
        store.complete(fresh(), token)


@pytest.mark.parametrize("seconds", [0, -1, float("nan"), float("inf"), "60", True])
def test_bad_leases_and_ttls_are_refused(store: Store, seconds: Any) -> None:
    with pytest.raises(TypeError):
        store.claim(fresh(), seconds)
    with pytest.raises(TypeError):
        store.complete(fresh(), "0" * 32, seconds)


def test_a_claim_hides_its_token() -> None:
    claim = MemoryStore().claim("k")
    assert claim.token and claim.token not in repr(claim)


@pytest.mark.parametrize("kind", kinds(persistent_only=True))
def test_another_instance_sees_the_claim(kind: Kind, opened: Any) -> None:
    key = fresh()
    first = opened().claim(key)
    other = opened()
    assert other.claim(key).outcome == "processing"
    other.complete(key, first.token)
    other.close()
    assert opened().claim(key).outcome == "done"


def test_memory_defaults_come_from_the_core() -> None:
    contract = hookseal.receive_contract()
    assert (DEFAULT_LEASE, DEFAULT_TTL) == (contract["lease_seconds"], contract["ttl_seconds"]) == (60, 30 * 24 * 3600)
    now = [0.0]
    store = MemoryStore(now=lambda: now[0])
    first = store.claim("k")
    now[0] = DEFAULT_LEASE - 1
    assert store.claim("k").outcome == "processing"
    now[0] = DEFAULT_LEASE
    second = store.claim("k")
    assert second.outcome == "first" and second.token
    store.complete("k", second.token)
    now[0] = DEFAULT_LEASE + DEFAULT_TTL - 1
    assert store.claim("k").outcome == "done"
    now[0] = DEFAULT_LEASE + DEFAULT_TTL
    assert store.claim("k").outcome == "first"
    assert first.token != second.token


def test_memory_is_a_bounded_lru() -> None:
    store = MemoryStore(max_keys=2)
    store.claim("a")
    store.claim("b")
    assert store.claim("a").outcome == "processing"  # a is now the most recent
    store.claim("c")  # evicts b
    assert len(store) == 2
    assert store.claim("a").outcome == "processing"
    assert store.claim("b").outcome == "first"


def test_memory_max_keys_must_be_positive() -> None:
    with pytest.raises(TypeError):
        MemoryStore(max_keys=0)


def test_a_missing_driver_names_the_extra() -> None:
    from hookseal.stores._contract import load_driver

    with pytest.raises(ImportError, match=r"hookseal\[nope\]"):
        load_driver("hookseal_no_such_driver", "TestStore", "nope")


def test_importing_hookseal_needs_no_driver() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['redis'] = None; sys.modules['psycopg'] = None\n"
        "import hookseal, hookseal.stores\n"
        "try:\n    hookseal.stores.RedisStore('redis://127.0.0.1:1')\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "hookseal[redis]" in out
