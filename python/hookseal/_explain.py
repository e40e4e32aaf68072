"""``Verifier.explain``: why a delivery is rejected, in words.

``verifier.explain(body, headers, now=None)`` (``verify``'s order, the body first)
verifies as ``verify`` does and returns an ``Explanation`` instead of raising: ``ok``,
``code`` (the error code, ``None`` when it verified), ``message``, and ``findings``, the
likely causes the core found by undoing the usual mistakes one at a time (a ``whsec_``
prefix added or dropped, a re-serialized body, a lost trailing newline, clock skew,
another scheme's headers...). Each ``Finding`` has a stable ``code`` (docs/explain.md)
and a ``message``; secrets are named by index, never by value. For development only: an explanation tells the sender more than "rejected"
(SECURITY.md, "Diagnosis and signing oracles").

>>> import hookseal
>>> body = b'{"id":"evt_1","type":"deal.won"}'
>>> headers = hookseal.sign("salesos", "whsec_k", body)
>>> why = hookseal.Verifier("salesos", ["k"]).explain(body, headers)
>>> why.ok, why.code, [f.code for f in why.findings]
(False, 'signature_mismatch', ['missing_whsec_prefix'])
>>> hookseal.Verifier("salesos", ["whsec_k"]).explain(body, headers).ok
True
"""

from __future__ import annotations

import json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Optional, Tuple


class _Frozen:
    """Value semantics for a few fields: equality, hash, repr, and no assignment."""

    __slots__: Tuple[str, ...] = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> Tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, _Frozen):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(tuple(tuple(v) if isinstance(v, list) else v for v in self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Finding(_Frozen):
    """One likely cause of a rejection: a stable ``code`` and a ``message``."""

    __slots__ = ("code", "message")
    __match_args__ = ("code", "message")
    code: str
    message: str

    def __init__(self, code: str, message: str) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "message", message)

    def to_dict(self) -> Dict[str, str]:
        """``{"code": ..., "message": ...}``."""
        return {"code": self.code, "message": self.message}


class Explanation(_Frozen):
    """The outcome of a verification and, when it failed, its likely causes."""

    __slots__ = ("ok", "code", "message", "findings")
    __match_args__ = ("ok", "code", "message", "findings")
    ok: bool
    code: Optional[str]
    message: str
    findings: List[Finding]

    def __init__(self, ok: bool, code: Optional[str], message: str, findings: List[Finding]) -> None:
        object.__setattr__(self, "ok", ok)
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "findings", list(findings))

    def to_dict(self) -> Dict[str, Any]:
        """The JSON shape every runtime gives:
        ``{"ok", "code", "message", "findings": [{"code", "message"}]}``."""
        return {
            "ok": self.ok,
            "code": self.code,
            "message": self.message,
            "findings": [f.to_dict() for f in self.findings],
        }


def from_json(text: str) -> Explanation:
    """The core's ``Explanation::to_json()`` as an ``Explanation``."""
    data = json.loads(text)
    findings = [Finding(f["code"], f["message"]) for f in data["findings"]]
    return Explanation(data["ok"], data["code"], data["message"], findings)


__all__ = ["Explanation", "Finding"]
