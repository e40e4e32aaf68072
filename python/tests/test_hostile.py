"""Every row of core/vectors/hostile/: what an attacker or a broken proxy could send."""

from __future__ import annotations

import base64
import json
from typing import Any, Dict, Union

import pytest

import hookseal
from conftest import VECTORS

ROWS = [
    row
    for path in sorted((VECTORS / "hostile").glob("*.json"))
    for row in json.loads(path.read_text())
]


def expand(value: Any) -> Union[str, bytes]:
    """A VALUE of the hostile table: text (sent as UTF-8), or raw bytes."""
    if isinstance(value, str):
        return value
    if "b64" in value:
        return base64.b64decode(value["b64"])
    if "repeat" in value:
        return expand(value["repeat"]) * value["count"]
    parts = [expand(v) for v in value["concat"]]
    if all(isinstance(p, str) for p in parts):
        return "".join(parts)  # type: ignore[arg-type]
    return b"".join(p.encode() if isinstance(p, str) else p for p in parts)


def utf8(value: Union[str, bytes]) -> bytes:
    return value.encode() if isinstance(value, str) else value


def test_rows_are_present() -> None:
    assert ROWS, "core/vectors/hostile/ holds no row"


@pytest.mark.parametrize("row", ROWS, ids=[r["name"] for r in ROWS])
def test_hostile_row(row: Dict[str, Any]) -> None:
    headers = [(f"x-filler-{i}", "v") for i in range(row.get("filler_headers", 0))]
    # A text VALUE is UTF-8 on the wire (the table's README): sent as those bytes, since a
    # str header value is latin-1 text to the binding.
    headers += [(name, utf8(expand(value))) for name, value in row["headers"]]
    body = expand(row["body"])
    body = body.encode() if isinstance(body, str) else body
    secrets = [expand(s) for s in row["secrets"]]
    expect = row["expect"]
    try:
        verifier = hookseal.Verifier(row["scheme"], secrets, **row.get("options", {}))
        verified = verifier.verify(body, headers, now=row["now"])
        verified.idempotency_key  # the envelope must not fail either
    except hookseal.VerificationError as e:
        assert expect.get("error") == e.code, e.message
        return
    assert expect.get("ok") is True, f"accepted; expected {expect.get('error')}"
