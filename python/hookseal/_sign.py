"""Signing and detection: the two functions besides the verifier."""

from __future__ import annotations

from . import _native
from ._body import as_bytes
from ._headers import values_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Union

# Fetched once; detection extracts just these values.
_DETECT_HEADERS = tuple(_native.DETECT_HEADERS)


def sign(
    scheme: str,
    secret: Union[str, bytes],
    body: bytes,
    timestamp: Optional[int] = None,
    id: Optional[str] = None,
    **options: Any,
) -> Dict[str, str]:
    """The headers a provider would send with ``body``: lowercase names, in the order id,
    timestamp, signature. ``timestamp`` (unix seconds) defaults to now for timestamped
    schemes; ``id`` is the message id of schemes that sign one (standard-webhooks, custom
    ``id.ts.body``). ``options`` are the verifier's (``header``, ``prefix``, custom ones).

    >>> sign("salesbooth", "whsec_test", b"{}", timestamp=1700000000)["x-salesbooth-timestamp"]
    '1700000000'
    >>> sorted(sign("standard-webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", b"{}", timestamp=1, id="msg_1"))
    ['webhook-id', 'webhook-signature', 'webhook-timestamp']
    """
    return dict(_native.sign(scheme, secret, as_bytes(body), timestamp, id, options))


def detect(headers: Any) -> Optional[str]:
    """The scheme id whose signature header ``headers`` carry, or ``None`` (salescaling
    and custom schemes use configurable headers and are never detected).

    >>> detect({"Stripe-Signature": "t=1,v1=00"})
    'stripe'
    >>> detect({"Content-Type": "application/json"}) is None
    True
    """
    return _native.detect(values_of(headers, _DETECT_HEADERS))
