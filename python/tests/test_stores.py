"""The store contract, the same for every store: a claim is first once and a duplicate
after, atomically, until it expires or is released."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path
from typing import Any, Iterator, List

import pytest

from hookseal.stores import DEFAULT_TTL, MemoryStore, Store
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


def test_first_then_duplicate(store: Store) -> None:
    key = fresh()
    assert store.claim(key) == "first"
    assert store.claim(key) == "duplicate"
    assert store.claim(key, ttl=60) == "duplicate"


def test_keys_are_independent(store: Store) -> None:
    assert store.claim(fresh()) == "first"
    assert store.claim(fresh()) == "first"


def test_release_lets_the_retry_run(store: Store) -> None:
    key = fresh()
    assert store.claim(key) == "first"
    store.release(key)
    assert store.claim(key) == "first"
    assert store.claim(key) == "duplicate"


def test_release_of_an_unknown_key(store: Store) -> None:
    store.release(fresh())


def test_a_claim_expires(store: Store) -> None:
    key = fresh()
    assert store.claim(key, ttl=0.15) == "first"
    assert store.claim(key, ttl=0.15) == "duplicate"
    time.sleep(0.4)
    assert store.claim(key, ttl=0.15) == "first"


def test_50_concurrent_claims_one_first(kind: Kind, opened: Any) -> None:
    key = fresh()
    # Persistent stores: claims through several connections, as separate receivers.
    stores = [opened() for _ in range(5)] if kind.persistent else [opened()]
    barrier = threading.Barrier(50)
    results: List[str] = []
    lock = threading.Lock()

    def claim(i: int) -> None:
        barrier.wait()
        r = stores[i % len(stores)].claim(key)
        with lock:
            results.append(r)

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["duplicate"] * 49 + ["first"]


@pytest.mark.parametrize("key", ["", None, 42])
def test_bad_keys_are_refused(store: Store, key: Any) -> None:
    with pytest.raises(TypeError):
        store.claim(key)
    with pytest.raises(TypeError):
        store.release(key)


@pytest.mark.parametrize("ttl", [0, -1, float("nan"), float("inf"), "60", True])
def test_bad_ttls_are_refused(store: Store, ttl: Any) -> None:
    with pytest.raises(TypeError):
        store.claim(fresh(), ttl)


@pytest.mark.parametrize("kind", kinds(persistent_only=True))
def test_another_instance_sees_the_claim(kind: Kind, opened: Any) -> None:
    key = fresh()
    assert opened().claim(key) == "first"
    other = opened()
    assert other.claim(key) == "duplicate"
    other.close()
    assert opened().claim(key) == "duplicate"


def test_memory_default_ttl_is_30_days() -> None:
    assert DEFAULT_TTL == 30 * 24 * 3600
    now = [0.0]
    store = MemoryStore(now=lambda: now[0])
    assert store.claim("k") == "first"
    now[0] = DEFAULT_TTL - 1
    assert store.claim("k") == "duplicate"
    now[0] = 2 * DEFAULT_TTL  # the duplicate above did not extend the claim
    assert store.claim("k") == "first"


def test_memory_is_a_bounded_lru() -> None:
    store = MemoryStore(max_keys=2)
    store.claim("a")
    store.claim("b")
    assert store.claim("a") == "duplicate"  # a is now the most recent
    store.claim("c")  # evicts b
    assert len(store) == 2
    assert store.claim("a") == "duplicate"
    assert store.claim("b") == "first"


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
