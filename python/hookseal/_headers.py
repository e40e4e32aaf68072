"""Reading a few header values out of whatever header object a framework has.

Only the values of the names a verifier reads cross into Rust, never the whole map.
Accepted shapes: a ``dict`` (names in any case), an object with a case-insensitive
``.get`` (Werkzeug/Flask, Starlette/FastAPI, Django ``request.headers``,
``email.message.Message``), or ``(name, value)`` pairs (names ``str`` or ``bytes``, as
in ASGI's raw headers).

The header rule (docs/receiving.md): a header that appears more than once counts as one
value, its values joined with ``", "`` in arrival order, as WSGI servers and Fetch
already give it. Pairs (ASGI's raw list) and names differing only in case are joined
here. A ``str`` value is latin-1 text, turned back into its wire bytes by the native
module.
"""

from __future__ import annotations

# typing and collections.abc cost milliseconds of import time: only type checkers
# read these names, and the shapes below are told apart by what the objects can do.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple, Union

    Value = Union[str, bytes, None]

from ._native import wire_bytes

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
    # Keys that differ only by case are one header seen twice: joined, in order.
    return _from_pairs(list(headers.items()), names)


def _from_pairs(pairs: Iterable[Any], names: Sequence[str]) -> Tuple[Value, ...]:
    wanted = set(names)
    seen: Dict[str, List[Any]] = {}
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
        if name in wanted:
            seen.setdefault(name, []).append(value)
    return tuple(_joined(seen[name]) if name in seen else None for name in names)


def _joined(values: List[Any]) -> Value:
    """One header's values as one: each trimmed of spaces and tabs, ``", "`` between
    them, in arrival order (the core's rule, ``hookseal::Headers``). Mixed text and bytes
    are joined as bytes (text as its wire bytes: latin-1, else UTF-8)."""
    if len(values) == 1:
        return values[0]  # type: ignore[no-any-return]
    if all(type(v) is str for v in values):
        return ", ".join(v.strip(" \t") for v in values)
    return b", ".join(_wire(v).strip(b" \t") for v in values)


def _wire(value: Any) -> bytes:
    if isinstance(value, str):
        return wire_bytes(value)  # the core's rule: latin-1, else UTF-8
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"a header value must be str or bytes, not {type(value).__name__}")
