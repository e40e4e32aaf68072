"""What every store shares: the claim outcomes, the default lifetime, the checks on
the arguments (so every store refuses the same bad input the same way), and the lazy
loading of optional drivers, so that ``import hookseal`` never needs one."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Literal, Optional, Protocol

#: What a claim returns: ``"first"`` (process it) or ``"duplicate"`` (already done).
Claim = Literal["first", "duplicate"]
FIRST: Claim = "first"
DUPLICATE: Claim = "duplicate"

#: 30 days, in seconds: the longest retention a provider document names.
DEFAULT_TTL: float = 30 * 24 * 60 * 60


class Store(Protocol):
    """The contract every store keeps, in every runtime.

    ``claim(key, ttl)`` is atomic: of any number of concurrent claims of one key, in
    any number of processes sharing the store, exactly one returns ``"first"`` until
    the claim expires (``ttl`` seconds, default 30 days) or is released.
    """

    def claim(self, key: str, ttl: Optional[float] = None) -> Claim: ...

    def release(self, key: str) -> None: ...

    def close(self) -> None: ...


def check_key(key: object) -> str:
    """The key, if it is a non-empty string."""
    if not isinstance(key, str) or not key:
        raise TypeError("a claim key must be a non-empty string")
    return key


def ttl_ms(ttl: Optional[float]) -> int:
    """``ttl`` seconds (``None``: the default) as whole milliseconds, at least one."""
    if ttl is None:
        ttl = DEFAULT_TTL
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)) or not ttl > 0 or ttl == float("inf"):
        raise TypeError(f"a claim's ttl must be a positive number of seconds, got {ttl!r}")
    return max(1, round(ttl * 1000))


def load_driver(name: str, store: str, extra: str) -> ModuleType:
    """Imports an optional driver, or says which extra to install."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise ImportError(f"{store} needs the optional package {name!r}: pip install 'hookseal[{extra}]'") from e
