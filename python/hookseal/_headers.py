"""Reading a few header values out of whatever header object a framework has.

Only the values of the names a verifier reads cross into Rust, never the whole map.
Accepted shapes: a ``dict`` (names in any case), an object with a case-insensitive
``.get`` (Werkzeug/Flask, Starlette/FastAPI, Django ``request.headers``,
``email.message.Message``), or ``(name, value)`` pairs (names ``str`` or ``bytes``, as
in ASGI's raw headers; when a name repeats, the first wins).
"""

from __future__ import annotations

# typing and collections.abc cost milliseconds of import time: only type checkers
# read these names, and the shapes below are told apart by what the objects can do.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, Mapping, Sequence, Tuple, Union

    Value = Union[str, bytes, None]

# A str or bytes is iterable too, but never a header collection.
_NOT_HEADERS = (str, bytes, bytearray, memoryview)


def values_of(headers: Any, names: Sequence[str]) -> Tuple[Value, ...]:
    """The values of ``names`` (lowercase) in ``headers``; ``None`` where absent.

    >>> values_of({"X-SalesLab-Signature": "sha256=00"}, ("x-saleslab-signature", "x-saleslab-event"))
    ('sha256=00', None)
    >>> values_of([(b"webhook-id", b"msg_1")], ("webhook-id",))
    (b'msg_1',)
    """
    kind = type(headers)
    if kind is dict:
        return _from_mapping(headers, names)
    if kind is list or kind is tuple:
        return _from_pairs(headers, names)
    if isinstance(headers, _NOT_HEADERS) or headers is None:
        raise TypeError(f"headers must be a mapping or (name, value) pairs, not {kind.__name__}")
    if isinstance(headers, dict):
        return _from_mapping(headers, names)
    get = getattr(headers, "get", None)
    if callable(get):
        found = tuple(map(get, names))
        if None in found and callable(getattr(headers, "items", None)):
            # Perhaps a case-sensitive mapping: look the missing ones up again.
            return _second_look(found, headers, names)
        return found
    try:
        pairs = list(headers)
    except TypeError:
        pass
    else:
        return _from_pairs(pairs, names)
    raise TypeError(f"headers must be a mapping or (name, value) pairs, not {kind.__name__}")


def _from_mapping(headers: Mapping[Any, Any], names: Sequence[str]) -> Tuple[Value, ...]:
    found = tuple(map(headers.get, names))
    if None in found:
        return _second_look(found, headers, names)
    return found


def _second_look(
    found: Tuple[Value, ...], headers: Mapping[Any, Any], names: Sequence[str]
) -> Tuple[Value, ...]:
    """Some names were not found as given: look again, case-insensitively, unless every
    key is already lowercase (one join at C speed tells), when absent means absent."""
    try:
        keys = "".join(headers)
    except TypeError:
        # bytes or other keys: the pairs path decodes and checks them.
        return _from_pairs(list(headers.items()), names)
    if keys.islower():
        return found
    # Reversed, so that when two keys differ only by case the first one wins.
    lowered = {k.lower(): v for k, v in reversed(list(headers.items()))}
    return tuple(map(lowered.get, names))


def _from_pairs(pairs: Iterable[Any], names: Sequence[str]) -> Tuple[Value, ...]:
    wanted = set(names)
    first: Dict[str, Value] = {}
    for item in pairs:
        try:
            name, value = item
        except (TypeError, ValueError):
            raise TypeError(
                f"headers given as pairs must hold (name, value) pairs, not {item!r:.40}"
            ) from None
        if type(name) is bytes:
            name = name.decode("latin-1")
        elif not isinstance(name, str):
            raise TypeError(f"a header name must be str or bytes, not {type(name).__name__}")
        name = name.lower()
        if name in wanted and name not in first:
            first[name] = value
    return tuple(first.get(name) for name in names)

