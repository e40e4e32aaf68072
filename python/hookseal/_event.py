"""``Verified.event()``: the verified body as a typed event (``hookseal.events``).

The method is added to the native ``Verified`` here, in Python: it parses with the
standard ``json`` module (through ``Verified.json()``, so the body is parsed once however
often it is asked for) and reads the kind from the verified envelope, both of which the
native class already does; the schemas and the validator are Python data and code.

>>> import hookseal
>>> v = hookseal.Verifier("salesos", ["whsec_x"])
>>> body = b'{"id":"evt_1","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"id":"d_1"}}'
>>> event = v.verify(body, hookseal.sign("salesos", "whsec_x", body)).event(validate=True)
>>> event["kind"], event["payload"]["data"]["id"]
('deal.won', 'd_1')
>>> bad = b'{"id":"evt_2","type":"deal.won","created_at":"2026-01-05T10:00:00Z","data":{"value":"12"}}'
>>> try:
...     v.verify(bad, hookseal.sign("salesos", "whsec_x", bad)).event(validate=True)
... except hookseal.InvalidPayload as e:
...     e.code, e.status, e.path, e.message
('invalid_payload', 400, '$.data.value', 'the deal.won payload does not match its schema: $.data.value must be a number, not a string')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Optional, Tuple

from . import errors
from ._native import Verified

if TYPE_CHECKING:
    from .events import Event
    from .events._validate import Check

_SCHEMAS = Path(__file__).resolve().parent / "events" / "schemas"
# (scheme, kind) -> the kind's compiled check; None: no schema lists the kind.
_checks: Dict[Tuple[str, str], Optional[Check]] = {}
_documents: Dict[str, Optional[Dict[str, Any]]] = {}


def _document(scheme: str) -> Optional[Dict[str, Any]]:
    """The scheme's schema document as the package ships it, or ``None``."""
    if scheme not in _documents:
        path = _SCHEMAS / f"{scheme}.json"
        _documents[scheme] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    return _documents[scheme]


def check_of(scheme: str, kind: Optional[str]) -> Optional[Check]:
    """The compiled schema of ``kind`` in ``scheme``'s document; ``None`` for a kind (or a
    scheme) without one, which is the generic form and is never checked."""
    if kind is None:
        return None
    key = (scheme, kind)
    if key not in _checks:
        from .events._validate import compile_schema

        document = _document(scheme)
        entry = None if document is None else next((e for e in document["x-events"] if e["kind"] == kind), None)
        _checks[key] = None if entry is None else compile_schema(document["$defs"][entry["type"]], document["$defs"])  # type: ignore[index]
    return _checks[key]


def event(self: Verified, *, validate: bool = False) -> Event:
    """``{"kind": …, "payload": …}``: the kind of the verified envelope and the body as
    ``json.loads`` gives it (``Verified.json()``, parsed once). A kind the provider's
    schema lists is typed by it (``hookseal.events``); any other is the generic form.

    ``validate=True`` checks the payload against its kind's schema (extra fields always
    pass) and raises ``hookseal.InvalidPayload`` (400 ``invalid_payload``) naming the
    JSON path of the first mismatch, never a value (the path is also its ``.path``). A
    body that is not JSON raises it too, validated or not (``.path`` ``"$"``)."""
    try:
        payload = self.json()
    except ValueError:
        # json.JSONDecodeError, or UnicodeDecodeError for bytes that are not UTF-8/16/32.
        raise _invalid("the body ($) is not JSON", "$") from None
    kind = self.kind
    if validate:
        check = check_of(self.scheme, kind)
        problem = None if check is None else check(payload, "$")
        if problem is not None:
            from .events._validate import path_of

            raise _invalid(f"the {kind} payload does not match its schema: {problem}", path_of(problem))
    result: Event = {"kind": kind, "payload": payload}
    return result


def _invalid(message: str, path: str) -> errors.InvalidPayload:
    """The error, with the JSON path of the mismatch as ``.path``."""
    error = errors.InvalidPayload(message)
    error.path = path
    return error


setattr(Verified, "event", event)
