"""The generic form of an event: a kind no schema lists (or a scheme without one)."""

from __future__ import annotations

from typing import Any, Optional, TypedDict


class GenericEvent(TypedDict):
    """``{"kind": …, "payload": …}`` for a kind the provider's schema does not list: the
    payload as ``json.loads`` gives it, the kind as the verified envelope has it (``None``
    when the delivery names none). A new kind from a provider is this, never an error."""

    kind: Optional[str]
    payload: Any
