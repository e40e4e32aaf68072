"""The verifier: build once at start-up, call ``verify`` in every request."""

from __future__ import annotations

from operator import itemgetter

from . import _native
from ._body import as_bytes
from ._headers import values_of
from ._native import Verified

# typing costs milliseconds of import time: only type checkers read these.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple, Union

    Secret = Union[str, bytes]


class Verifier:
    """Verifies one scheme's webhooks against one or more secrets (several while
    rotating; ``Verified.secret_index`` says which matched).

    Options (all optional, ``None`` is the scheme's default; an option the scheme does
    not take raises ``InvalidOption``): ``tolerance`` (seconds, or ``"off"``),
    ``max_body`` (bytes, default 1 MiB), ``header`` and ``prefix`` (salescaling, custom),
    ``encoding``, ``content``, ``timestamp_header``, ``id_header`` (custom).

    >>> from hookseal import Verifier, sign, TimestampTooOld
    >>> v = Verifier("salesbooth", ["whsec_new", "whsec_old"], tolerance=300)
    >>> headers = sign("salesbooth", "whsec_old", b"{}", timestamp=1700000000)
    >>> v.verify(b"{}", headers, now=1700000300).secret_index
    1
    >>> try:
    ...     v.verify(b"{}", headers, now=1700000301)
    ... except TimestampTooOld as e:
    ...     e.status
    400
    """

    __slots__ = ("_native", "_names", "_pick", "_scheme", "_count")

    if TYPE_CHECKING:
        # What type checkers see: each option by name and type, so a misspelt one is
        # flagged before the code runs.
        def __init__(
            self,
            scheme: str,
            secrets: Union[List[Secret], Tuple[Secret, ...]],
            *,
            tolerance: Union[int, str, None] = None,
            max_body: Optional[int] = None,
            header: Optional[str] = None,
            prefix: Optional[str] = None,
            encoding: Optional[str] = None,
            content: Optional[str] = None,
            timestamp_header: Optional[str] = None,
            id_header: Optional[str] = None,
        ) -> None: ...

    else:

        def __init__(self, scheme, secrets, **options):
            # Every option goes to the core, the one parser of options: an unknown name
            # is InvalidOption there, as in every runtime.
            self._setup(scheme, secrets, options)

    def _setup(self, scheme: str, secrets: Union[List[Secret], Tuple[Secret, ...]], options: Dict[str, Any]) -> None:
        self._native = _native.Verifier(scheme, secrets, options)
        # Fetched once: each request extracts just these values.
        self._names: Tuple[str, ...] = tuple(self._native.header_names())
        # The fastest way to take these values out of a dict with lowercase names (the
        # common case); it raises KeyError when one is absent or in another case.
        self._pick = _picker(self._names)
        self._scheme: str = self._native.scheme
        self._count = len(secrets)

    @property
    def scheme(self) -> str:
        """The scheme id."""
        return self._scheme

    @property
    def max_body(self) -> int:
        """The largest body accepted, in bytes."""
        return self._native.max_body

    @property
    def tolerance(self) -> Union[int, str]:
        """The timestamp tolerance in seconds, or ``"off"``."""
        return self._native.tolerance

    def header_names(self) -> Tuple[str, ...]:
        """The lowercase names of the only headers this verifier reads, signature first.

        >>> Verifier("salesbooth", ["s"]).header_names()
        ('x-salesbooth-signature', 'x-salesbooth-timestamp')
        """
        return self._names

    def verify(self, body: bytes, headers: Any, now: Optional[int] = None) -> Verified:
        """Verifies ``body`` (the raw request bytes) with ``headers`` (a dict, a
        framework's headers object, or ``(name, value)`` pairs) at ``now`` (unix seconds;
        default the system clock). Returns a ``Verified``; raises a ``VerificationError``
        subclass when the delivery is rejected, ``TypeError`` for wrong argument types.

        >>> from hookseal import Verifier, sign
        >>> h = sign("saleslab", "sl_secret", b'{"event_kind":"badge.awarded"}')
        >>> Verifier("saleslab", ["sl_secret"]).verify(b'{"event_kind":"badge.awarded"}', h).kind
        'badge.awarded'
        """
        if type(body) is not bytes:
            body = as_bytes(body)
        # The common case inline (a dict with the names in lowercase); everything else,
        # and names in another case, through values_of.
        if type(headers) is dict:
            try:
                values = self._pick(headers)
            except KeyError:
                values = values_of(headers, self._names)
        else:
            values = values_of(headers, self._names)
        return self._native.verify(body, values, now)

    def __repr__(self) -> str:
        # Never the secrets themselves: only how many there are.
        return (
            f"Verifier({self._scheme!r}, secrets=[{self._count} redacted], "
            f"tolerance={self.tolerance!r}, max_body={self.max_body})"
        )


def _picker(names: Tuple[str, ...]) -> Callable[[Dict[str, Any]], Tuple[Any, ...]]:
    """A function taking the values of ``names`` out of a dict as a tuple; itemgetter
    returns a bare value for one name, so that case gets its own."""
    if len(names) == 1:
        name = names[0]
        return lambda headers: (headers[name],)
    return itemgetter(*names)
