"""A payload for every event kind of every provider, built from its schema: every field
the schema names (required or not), each with a value of its type, the kind field at its
``const``. What ``hookseal send`` would send, and what the types describe."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Tuple

from conftest import REPO

SCHEMAS = REPO / "core" / "events"
#: A secret per provider, as the tests sign with it.
SECRETS = {"saleslab": "sl_secret", "salesos": "whsec_os", "salesbooth": "whsec_sb", "salescaling": "tok"}
FORMATS = {
    "date-time": "2026-01-05T10:00:00Z",
    "date": "2026-01-05",
    "uuid": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    "email": "rep@example.com",
    "uri": "https://example.com/x",
}


def documents() -> Dict[str, Dict[str, Any]]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(SCHEMAS.glob("*.json"))}


def sample(schema: Dict[str, Any], defs: Dict[str, Any]) -> Any:
    if "$ref" in schema:
        return sample(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][-1]
    if "anyOf" in schema:
        return sample(next(b for b in schema["anyOf"] if b.get("type") != "null"), defs)
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object":
        return {name: sample(sub, defs) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [sample(schema["items"], defs)] if isinstance(schema.get("items"), dict) else ["x"]
    return {
        "string": FORMATS.get(schema.get("format", ""), "sample"),
        "integer": 3,
        "number": 12.5,
        "boolean": True,
        "null": None,
    }.get(kind or "string", "sample")


def every_kind() -> Iterator[Tuple[str, str, Dict[str, Any]]]:
    """(provider, kind, payload) for every kind of every schema."""
    for provider, doc in documents().items():
        for entry in doc["x-events"]:
            yield provider, entry["kind"], sample(doc["$defs"][entry["type"]], doc["$defs"])


def kinds_of(provider: str) -> List[str]:
    return [e["kind"] for e in documents()[provider]["x-events"]]
