"""What the framework helpers share: the failure answer, and reading a bounded body."""

from __future__ import annotations

from typing import Dict, Optional

from .errors import VerificationError


def error_body(error: VerificationError) -> Dict[str, str]:
    """The JSON a rejected webhook is answered with: ``{"error": code, "message": …}``.

    >>> from hookseal import ERROR_CLASSES
    >>> error_body(ERROR_CLASSES["signature_mismatch"]("no configured secret matches"))
    {'error': 'signature_mismatch', 'message': 'no configured secret matches'}
    """
    return {"error": error.code, "message": error.message}


def declared_too_large(content_length: Optional[int], max_body: int) -> bool:
    """Whether the declared length already exceeds ``max_body``: then the helpers read
    only ``max_body + 1`` bytes (enough for the core to answer ``payload_too_large``)
    instead of buffering a body that will be refused.

    >>> declared_too_large(2048, 1024), declared_too_large(None, 1024)
    (True, False)
    """
    return content_length is not None and content_length > max_body
