"""What the asyncio helpers share (aiohttp, Starlette, Litestar, Django's async views):
a body read from an async stream with a byte counter and verified, and the
once-per-delivery rule of ``hookseal.stores.run_once`` for an ``async`` handler."""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterable, Awaitable, Callable, Optional, TypeVar, Union

from ._native import Verified
from ._pipeline import Receiver
from ._receive import Answer
from ._verifier import Verifier
from .errors import VerificationError
from .stores import Store
from .stores._dedupe import Held, begin, blocks, settle

T = TypeVar("T")


async def read_at_most(chunks: AsyncIterable[bytes], limit: int) -> Optional[bytes]:
    """The body up to ``limit`` bytes (``max_body + 1``), counted as the chunks arrive:
    reading stops there, so the rest of a large (or chunked) body is never received.
    ``None`` when the body could not be read to its end (the answer: ``unreadable_body``).
    Raises ``StreamConsumed`` when the framework says its stream was read before, without
    keeping the bytes (the answer: ``body_already_parsed``).

    >>> async def stream():
    ...     yield b"abc"; yield b"def"
    >>> asyncio.run(read_at_most(stream(), 4)), asyncio.run(read_at_most(stream(), 10))
    (b'abcd', b'abcdef')
    """
    body = bytearray()
    try:
        async for chunk in chunks:
            body += chunk[: limit - len(body)]
            if len(body) >= limit:
                break
    except Exception as e:
        # Starlette raises RuntimeError("Stream consumed"), Litestar an
        # InternalServerException("stream consumed"). The delivery is intact on the
        # provider's side, so this must be a 500 that is retried once the app is fixed,
        # not the final 400 of a body cut off in transit.
        if "consumed" in str(e).lower():
            raise StreamConsumed from None
        return None
    return bytes(body)


class StreamConsumed(Exception):
    """The request's body stream was read before the helper, and its bytes not kept."""


CONSUMED_FIX = (
    "the request body was read before the webhook helper ran (a middleware or a dependency "
    "consumed the stream), so the exact bytes that were signed are gone: let the helper read "
    "the body first, or read it with `await request.body()`, which keeps the bytes for the helper"
)


async def verify_stream(
    rx: Receiver, verifier: Verifier, chunks: AsyncIterable[bytes], headers: Any, keep: Callable[[bytes], None]
) -> Union[Verified, Answer]:
    """The delivery read from ``chunks`` (up to ``max_body + 1`` bytes) and verified with
    ``headers`` by ``verifier`` (the helper's, or the tenant's ``rx`` picked), or the
    answer that rejects it. ``keep(body)`` hands the bytes to the framework's request
    before verifying, so the handler reads what was verified."""
    try:
        body = await read_at_most(chunks, verifier.max_body + 1)
    except StreamConsumed:
        return rx.reject("body_already_parsed", CONSUMED_FIX)
    if body is None:
        return rx.reject("unreadable_body")
    keep(body)
    try:
        return rx.verify(verifier, body, headers)
    except VerificationError as e:
        return rx.answer(e)


async def run_once_async(
    store: Optional[Store],
    verified: Any,
    *,
    handler: Callable[[], Awaitable[T]],
    status: Callable[[T], int],
    respond: Callable[[Answer], T],
    lease: Optional[float] = None,
    ttl: Optional[float] = None,
    tenant: Optional[str] = None,
) -> T:
    """``hookseal.stores.run_once`` for an ``async`` handler (without a store: the
    handler, as it is). A store that blocks (sockets, files) is called in a thread, and
    settling there is shielded, so a cancelled request still completes or releases its
    claim; one that never blocks (``MemoryStore``) is called on the event loop."""
    if store is None:
        return await handler()
    off_loop = blocks(store)
    if off_loop:
        answer, held = await asyncio.to_thread(begin, store, verified, lease, ttl, tenant)
    else:
        answer, held = begin(store, verified, lease, ttl, tenant)
    if answer is not None:
        return respond(answer)
    try:
        result = await handler()
    except BaseException:
        await _settle(off_loop, held, None)
        raise
    await _settle(off_loop, held, status(result))
    return result


async def _settle(off_loop: bool, held: Optional[Held], status: Optional[int]) -> None:
    if off_loop:
        await asyncio.shield(asyncio.to_thread(settle, held, status))
    else:
        settle(held, status)
