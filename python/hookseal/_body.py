"""The request body: raw bytes, never text."""

from __future__ import annotations


def as_bytes(body: object) -> bytes:
    """``body`` as ``bytes``; a ``str`` or any other type is a ``TypeError``.

    >>> as_bytes(bytearray(b"{}"))
    b'{}'
    """
    if type(body) is bytes:
        return body
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        raise TypeError(
            "body must be the raw request bytes, not str: a decoded and re-encoded body "
            "may differ from what was signed"
        )
    raise TypeError(f"body must be bytes, not {type(body).__name__}")
