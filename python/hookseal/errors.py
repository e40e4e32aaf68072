"""The exceptions hookseal raises, one class per stable error code.

The classes are built from the core's table of codes (``_native.error_codes()``, the
Rust ``ErrorCode::ALL``), so a new code in the core is a new class here without an
edit, and the native module raises the class registered for each code: nothing ever
parses a message to decide the type.

>>> from hookseal import Verifier, SignatureMismatch
>>> v = Verifier("saleslab", ["sl_secret"])
>>> try:
...     v.verify(b"{}", {"X-SalesLab-Signature": "sha256=" + "0" * 64})
... except SignatureMismatch as e:
...     (e.code, e.status)
('signature_mismatch', 401)
"""

from __future__ import annotations

from typing import Dict, List, Optional, Type, Union, cast

from . import _native
from ._receive import REPLIES, Reply


class ReceiveError(Exception):
    """A code a webhook receiver answers with, carrying its row of the core's reply
    table: ``code`` (the stable snake_case string, the same in every runtime),
    ``status`` (the HTTP status), ``retry_after`` (``None``, seconds, or
    ``"lease_left"``) and ``message`` (the human explanation; it never contains a
    secret). Without a message, the row's own is used.
    """

    code: str = "internal"
    status: int = 500
    retry_after: Union[None, int, str] = None
    default_message: str = "an internal error occurred"

    def __init__(self, message: Optional[str] = None) -> None:
        if message is None:
            message = self.default_message
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class VerificationError(ReceiveError, ValueError):
    """A webhook was rejected, or a verifier could not be built (a verification code)."""

    code = "verification_error"
    status = 400


def _class_name(code: str) -> str:
    # "signature_mismatch" -> "SignatureMismatch": the name follows from the code.
    return "".join(part.capitalize() for part in code.split("_"))


def _build(base: Type[ReceiveError], rows: List[Reply]) -> Dict[str, Type[ReceiveError]]:
    classes: Dict[str, Type[ReceiveError]] = {}
    for row in rows:
        doc = f"Code ``{row.code}``; a receiver answers HTTP {row.status}."
        attrs = {
            "code": row.code,
            "status": row.status,
            "retry_after": row.retry_after,
            "default_message": row.message,
            "__doc__": doc,
            "__module__": __name__,
        }
        classes[row.code] = type(_class_name(row.code), (base,), attrs)
    return classes


# The verification codes are the native module's (it raises them); every other row of
# the reply table is a receiver's edge code (a store outage, an unreadable body, ...).
_VERIFY_CODES = [code for code, _ in _native.error_codes()]

#: Every verification exception class by its code, in the core's order.
ERROR_CLASSES: Dict[str, Type[VerificationError]] = cast(
    "Dict[str, Type[VerificationError]]", _build(VerificationError, [REPLIES[c] for c in _VERIFY_CODES])
)
# An invalid_payload names where the payload went wrong: ``path`` is the JSON path of the
# mismatch (``$.data.amount``; ``$`` for a body that is not JSON), as JS's error's .path
# and Go's events.Error.Path. ``Verified.event`` sets it on the error it raises.
setattr(ERROR_CLASSES["invalid_payload"], "path", None)
#: The receiver's edge codes (``store_unavailable``, ``delivery_in_progress``, ...) by code.
EDGE_CLASSES: Dict[str, Type[ReceiveError]] = _build(
    ReceiveError, [row for code, row in REPLIES.items() if code not in ERROR_CLASSES]
)
globals().update({cls.__name__: cls for cls in [*ERROR_CLASSES.values(), *EDGE_CLASSES.values()]})
_native.register_errors(list(ERROR_CLASSES.values()))

__all__ = ["ReceiveError", "VerificationError", "ERROR_CLASSES", "EDGE_CLASSES"]
__all__ += [c.__name__ for c in [*ERROR_CLASSES.values(), *EDGE_CLASSES.values()]]
