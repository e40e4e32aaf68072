"""hookseal: verify (and sign) the webhooks of sales platforms.

SalesLab, SalesOS, Salesbooth, Salescaling, Standard Webhooks, Stripe, GitHub, and any
HMAC scheme of the same family by configuration (``custom``). One Rust core gives the
same answer in every runtime.

>>> import hookseal
>>> verifier = hookseal.Verifier("salesbooth", ["whsec_test"])
>>> body = b'{"event":"deal.created","id":"evt_1","tenant_id":"tenant_abc123"}'
>>> headers = hookseal.sign("salesbooth", "whsec_test", body, timestamp=1700000000)
>>> verified = verifier.verify(body, headers, now=1700000100)
>>> verified.kind, verified.tenant
('deal.created', 'tenant_abc123')
>>> verified.idempotency_key, verified.json()["tenant_id"]
('evt_1', 'tenant_abc123')
>>> hookseal.detect(headers)
'salesbooth'

Typed events: ``verified.event()`` and ``hookseal.Router`` (``hookseal.events``).
Framework helpers: ``hookseal.flask``, ``hookseal.fastapi``, ``hookseal.django``; what they
answer and when is the core's receive contract, ``hookseal.receive_contract()``; the
scheme table is ``hookseal.schemes()``.
"""

from __future__ import annotations

from . import _native
from ._sign import detect, sign
from ._native import Secret, Verified
from . import _event  # noqa: F401  (adds Verified.event)
from ._receive import receive_contract
from ._schemes import schemes
from ._verifier import Verifier
from ._explain import Explanation, Finding
from .router import Router
from . import errors
from .errors import *  # noqa: F403  (VerificationError and one class per core code)

__version__: str = _native.__version__
#: The scheme ids, as the core knows them.
SCHEMES = tuple(_native.SCHEMES)
DEFAULT_MAX_BODY: int = _native.DEFAULT_MAX_BODY
#: The most header names a verifier reads (``Verifier.header_names()``), as the core says.
MAX_HEADER_NAMES: int = _native.MAX_HEADER_NAMES

__all__ = [
    "Verifier", "Verified", "Secret", "Explanation", "Finding", "Router", "sign", "detect", "receive_contract", "schemes",
    "SCHEMES", "DEFAULT_MAX_BODY", "MAX_HEADER_NAMES",
]
__all__ += errors.__all__
