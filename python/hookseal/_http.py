"""What the framework helpers share: the answers they send (from the core's reply
table), and reading a body with a byte counter."""

from __future__ import annotations

from typing import Any, Callable, Dict, Optional

from ._body import read_bounded
from ._receive import Answer, rejection
from .errors import ReceiveError


def error_answer(error: ReceiveError) -> Answer:
    """The answer for a rejected webhook: its row's status (and ``Retry-After``), and
    ``{"error": code, "message": …}``.

    >>> from hookseal import ERROR_CLASSES
    >>> error_answer(ERROR_CLASSES["signature_mismatch"]("no configured secret matches")).body
    b'{"error":"signature_mismatch","message":"no configured secret matches"}'
    """
    return rejection(error.code, error.message)


def error_body(error: ReceiveError) -> Dict[str, str]:
    """The JSON of a rejection as a dict: ``{"error": code, "message": …}``."""
    return {"error": error.code, "message": error.message}


def read_body(read: Callable[[int], bytes], max_body: int) -> Optional[bytes]:
    """The body, read with ``read`` up to ``max_body + 1`` bytes (the core answers 413
    past ``max_body``); ``None`` when it could not be read to its end (the client
    aborted, a broken chunked encoding): then the answer is ``unreadable_body``."""
    try:
        return read_bounded(read, max_body + 1)
    except Exception:
        return None


def content_length(value: Any) -> Optional[int]:
    """A ``Content-Length`` value as a number, or ``None`` when absent or not one."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return n if n >= 0 else None
