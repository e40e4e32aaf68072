"""A delivery that passed verification, with its envelope read on first use."""

from __future__ import annotations

from . import _native

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Optional, Tuple

    from ._headers import Value

_UNSET: Any = object()


class Verified:
    """What a verified webhook carries.

    ``scheme``, ``timestamp`` (signed unix seconds, or ``None``), ``secret_index`` (which
    configured secret matched) and ``body`` (the raw ``bytes``) are set by ``verify``.
    ``kind``, ``event_id``, ``event_id_signed``, ``tenant`` and ``idempotency_key`` are
    read from the signed body the first time one of them is asked for, so a handler that
    only needs the body never pays for JSON parsing. ``json()`` parses the body with the
    standard ``json`` module, once.

    >>> from hookseal import Verifier, sign
    >>> body = b'{"event":"deal.created","tenant_id":"t_1","data":{}}'
    >>> headers = sign("salesbooth", "whsec_test", body, timestamp=1700000000)
    >>> v = Verifier("salesbooth", ["whsec_test"]).verify(body, headers, now=1700000010)
    >>> (v.kind, v.tenant, v.timestamp, v.secret_index)
    ('deal.created', 't_1', 1700000000, 0)
    >>> v.json()["data"]
    {}
    """

    __slots__ = ("scheme", "timestamp", "secret_index", "body", "_native", "_values", "_env", "_json")

    def __init__(
        self,
        native: _native.Verifier,
        scheme: str,
        body: bytes,
        values: Tuple[Value, ...],
        timestamp: Optional[int],
        secret_index: int,
    ) -> None:
        self.scheme = scheme
        self.timestamp = timestamp
        self.secret_index = secret_index
        self.body = body
        self._native = native
        self._values = values
        self._env: Optional[_native._Envelope] = None
        self._json: Any = _UNSET

    def _envelope(self) -> _native._Envelope:
        env = self._env
        if env is None:
            env = self._env = self._native.envelope(self.body, self._values)
        return env

    @property
    def kind(self) -> Optional[str]:
        """The event kind (``deal.won``, ``badge.awarded``, …), or ``None``."""
        return self._envelope()[0]

    @property
    def event_id(self) -> Optional[str]:
        """The provider's event or delivery id, or ``None``."""
        return self._envelope()[1]

    @property
    def event_id_signed(self) -> bool:
        """Whether ``event_id`` was covered by the signature (not an unsigned header)."""
        return self._envelope()[2]

    @property
    def tenant(self) -> Optional[str]:
        """The provider's tenant (company, account) id, or ``None``."""
        return self._envelope()[3]

    @property
    def idempotency_key(self) -> str:
        """The signed event id, else the hex SHA-256 of the body: de-duplicate on this."""
        return self._envelope()[4]

    def json(self) -> Any:
        """The body parsed with the standard ``json`` module (parsed once, then kept)."""
        if self._json is _UNSET:
            import json  # imported on first use: most handlers never call this

            self._json = json.loads(self.body)
        return self._json

    def __repr__(self) -> str:
        return (
            f"Verified(scheme={self.scheme!r}, timestamp={self.timestamp!r}, "
            f"secret_index={self.secret_index}, body=<{len(self.body)} bytes>)"
        )
