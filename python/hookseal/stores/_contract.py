"""What every store shares: the claim and its outcomes, the defaults (from the core's
receive contract), the checks on the arguments (so every store refuses the same bad
input the same way), the owner tokens, and the lazy loading of optional drivers, so that
``import hookseal`` never needs one."""

from __future__ import annotations

import importlib
import math
import secrets
import threading
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Callable, Literal, Optional, Protocol, TypeVar

from .._receive import DEFAULT_LEASE as DEFAULT_LEASE
from .._receive import DEFAULT_TTL as DEFAULT_TTL

Outcome = Literal["first", "processing", "done"]
FIRST: Outcome = "first"
PROCESSING: Outcome = "processing"
DONE: Outcome = "done"

T = TypeVar("T")



@dataclass(frozen=True)
class Claim:
    """What ``claim`` found: ``"first"`` (this attempt holds the lease, with ``token``),
    ``"processing"`` (another attempt holds it, ``lease_left`` seconds more) or ``"done"``
    (completed within the TTL). The token is never shown in ``repr``."""

    outcome: Outcome
    token: Optional[str] = None
    lease_left: float = 0.0

    def __repr__(self) -> str:
        token = ", token=<redacted>" if self.token else ""
        return f"Claim({self.outcome!r}{token}, lease_left={self.lease_left})"


class Store(Protocol):
    """The contract every store keeps, in every runtime (docs/stores.md).

    ``claim(key, lease)`` is atomic: of any number of concurrent claims of one key, in
    any number of processes sharing the store, exactly one is ``"first"`` until its lease
    (``lease`` seconds, default 60) expires, it is released, or it is completed, after
    which claims are ``"done"`` for the TTL (``ttl`` seconds, default 30 days).
    ``complete`` and ``release`` change the claim only if it still holds ``token``.
    """

    def claim(self, key: str, lease: Optional[float] = None) -> Claim: ...

    def complete(self, key: str, token: str, ttl: Optional[float] = None) -> None: ...

    def release(self, key: str, token: str) -> None: ...

    def close(self) -> None: ...


def check_key(key: object) -> str:
    """The key, if it is a non-empty string."""
    if not isinstance(key, str) or not key:
        raise TypeError("a claim key must be a non-empty string")
    return key


def check_token(token: object) -> str:
    """The owner token, if it is a non-empty string."""
    if not isinstance(token, str) or not token:
        raise TypeError("a claim token must be a non-empty string")
    return token


def to_ms(seconds: Optional[float], default: float, what: str) -> int:
    """``seconds`` (``None``: ``default``) as whole milliseconds, at least one."""
    if seconds is None:
        seconds = default
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, (int, float))
        or not seconds > 0
        or math.isinf(seconds)
    ):
        raise TypeError(f"a claim's {what} must be a positive number of seconds, got {seconds!r}")
    return max(1, round(seconds * 1000))


def lease_ms(lease: Optional[float]) -> int:
    return to_ms(lease, DEFAULT_LEASE, "lease")


def ttl_ms(ttl: Optional[float]) -> int:
    return to_ms(ttl, DEFAULT_TTL, "ttl")


def new_token() -> str:
    """16 random bytes from the CSPRNG as 32 lowercase hex characters."""
    return secrets.token_hex(16)


def claimed(outcome: Outcome, token: Optional[str] = None, lease_left_ms: float = 0) -> Claim:
    return Claim(outcome, token, max(0.0, lease_left_ms / 1000))


def release_if_unknown(run: Callable[[str], T], release: Callable[[str], Any]) -> T:
    """Runs a claim with a new token. If it fails, its write may still have applied (a
    timeout after the server took it): the token is released best-effort before the
    error goes on, so a claim written anyway never turns the retry into a duplicate."""
    token = new_token()
    try:
        return run(token)
    except BaseException:
        try:
            release(token)
        except Exception:
            pass  # the store is down: what it kept is a lease, which expires
        raise


class Every:
    """Says yes once every ``n`` calls, from any thread: when a store sweeps."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._count = 0
        self._lock = threading.Lock()

    def due(self) -> bool:
        with self._lock:
            self._count += 1
            if self._count < self.n:
                return False
            self._count = 0
            return True


def best_effort(sweep: Callable[[], Any]) -> None:
    """The expiry sweep: housekeeping only, so its failure never fails a claim."""
    try:
        sweep()
    except Exception:
        pass


def load_driver(name: str, store: str, extra: str) -> ModuleType:
    """Imports an optional driver, or says which extra to install."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise ImportError(f"{store} needs the optional package {name!r}: pip install 'hookseal[{extra}]'") from e
