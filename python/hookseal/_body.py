"""The request body: raw bytes, never text."""

from __future__ import annotations

# typing costs milliseconds of import time: only type checkers read this.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable


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


#: How much a helper asks for in one read: memory stays at the limit plus one chunk.
CHUNK = 64 * 1024


def read_bounded(read: Callable[[int], bytes], limit: int) -> bytes:
    """Reads with ``read(n)`` until the end of the body or ``limit`` bytes, whatever the
    request announced: a helper asks for ``max_body + 1``, enough for the core to answer
    ``payload_too_large``, and never holds more.

    >>> import io
    >>> read_bounded(io.BytesIO(b"x" * 10).read, 4), read_bounded(io.BytesIO(b"ab").read, 4)
    (b'xxxx', b'ab')
    """
    body = bytearray()
    while len(body) < limit:
        chunk = read(min(CHUNK, limit - len(body)))
        if not chunk:
            break
        body += chunk
    return bytes(body)
