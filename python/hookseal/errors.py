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

from . import _native

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Type


class VerificationError(ValueError):
    """A webhook was rejected, or a verifier could not be built.

    ``code`` is the stable snake_case code (the same string in every runtime), ``status``
    the HTTP status a receiver answers with, ``message`` the human explanation (it never
    contains a secret).
    """

    code: str = "verification_error"
    status: int = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


def _class_name(code: str) -> str:
    # "signature_mismatch" -> "SignatureMismatch": the name follows from the code.
    return "".join(part.capitalize() for part in code.split("_"))


def _build() -> Dict[str, Type[VerificationError]]:
    classes: Dict[str, Type[VerificationError]] = {}
    for code, status in _native.error_codes():
        doc = f"Raised with code ``{code}``; a receiver answers HTTP {status}."
        attrs = {"code": code, "status": status, "__doc__": doc, "__module__": __name__}
        classes[code] = type(_class_name(code), (VerificationError,), attrs)
    return classes


#: Every exception class by its code, in the core's order.
ERROR_CLASSES: Dict[str, Type[VerificationError]] = _build()
globals().update({cls.__name__: cls for cls in ERROR_CLASSES.values()})
_native.register_errors(list(ERROR_CLASSES.values()))

__all__ = ["VerificationError", "ERROR_CLASSES"] + [c.__name__ for c in ERROR_CLASSES.values()]
