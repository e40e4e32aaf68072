"""The stores every store test runs against. Redis and PostgreSQL come from
scripts/ci/stores.sh (HOOKSEAL_TEST_REDIS_URL, HOOKSEAL_TEST_POSTGRES_URL); without
them those stores are skipped, unless HOOKSEAL_STORES_REQUIRED=1, where they fail."""

from __future__ import annotations

import importlib.util
import os
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional

import pytest

from hookseal.stores import MemoryStore, PostgresStore, RedisStore, SqliteStore

#: A unique key prefix per run, so reruns against the same servers never collide.
RUN = uuid.uuid4().hex[:8]
REQUIRED = os.environ.get("HOOKSEAL_STORES_REQUIRED") == "1"
REDIS_URL = os.environ.get("HOOKSEAL_TEST_REDIS_URL", "")
POSTGRES_URL = os.environ.get("HOOKSEAL_TEST_POSTGRES_URL", "")


@dataclass
class Kind:
    """One store: ``make(where)`` opens an instance on the backing data ``where`` (a
    file or a URL), as a second process or a restarted receiver would."""

    name: str
    persistent: bool
    make: Callable[[str], Any]
    where: Callable[[Any], str] = field(default=lambda tmp_path: "")
    skip: Optional[str] = None


def _missing(module: str, url_var: str, url: str) -> Optional[str]:
    if importlib.util.find_spec(module) is None:
        return f"{module} is not installed (pip install 'hookseal[{'postgres' if module == 'psycopg' else module}]')"
    if not url:
        return f"{url_var} is not set (scripts/ci/stores.sh sets it)"
    return None


KINDS = [
    Kind("memory", False, lambda where: MemoryStore()),
    Kind("sqlite", True, lambda where: SqliteStore(where), where=lambda tmp: str(tmp / "claims.db")),
    Kind(
        "redis",
        True,
        lambda where: RedisStore(where),
        where=lambda tmp: REDIS_URL,
        skip=_missing("redis", "HOOKSEAL_TEST_REDIS_URL", REDIS_URL),
    ),
    Kind(
        "postgres",
        True,
        lambda where: PostgresStore(where),
        where=lambda tmp: POSTGRES_URL,
        skip=_missing("psycopg", "HOOKSEAL_TEST_POSTGRES_URL", POSTGRES_URL),
    ),
]


def kinds(persistent_only: bool = False) -> Any:
    """The store kinds as pytest params: skipped, or failing under stores.sh, when their
    server or driver is missing. ``persistent_only``: the stores that outlive a process."""
    params = []
    for kind in KINDS:
        if persistent_only and not kind.persistent:
            continue
        if kind.skip and REQUIRED:
            raise RuntimeError(f"store {kind.name} cannot run: {kind.skip}")
        marks = [pytest.mark.skip(reason=kind.skip)] if kind.skip else []
        params.append(pytest.param(kind, id=kind.name, marks=marks))
    return params


def receiver_env(kind: Kind, where: str) -> Dict[str, str]:
    return {"STORE": kind.name, "STORE_URL": where}


def kinds_named(*names: str) -> Any:
    """The params of ``kinds()`` for these stores only."""
    return [p for p in kinds() if p.id in names]
