"""A payload for every event kind of every provider: the shared samples of
core/events/samples/ (every field the schema names, required or not, the kind field at
its ``const``), what ``hookseal send`` sends and what the types describe."""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Tuple

from conftest import REPO

SCHEMAS = REPO / "core" / "events"
#: A secret per provider, as the tests sign with it.
SECRETS = {"saleslab": "sl_secret", "salesos": "whsec_os", "salesbooth": "whsec_sb", "salescaling": "tok"}


def documents() -> Dict[str, Dict[str, Any]]:
    return {p.stem: json.loads(p.read_text()) for p in sorted(SCHEMAS.glob("*.json"))}


def every_kind() -> Iterator[Tuple[str, str, Dict[str, Any]]]:
    """(provider, kind, payload) for every kind of every schema, from core/events/samples/
    (scripts/events/generate.py writes them; every runtime round-trips the same bodies)."""
    for provider, doc in documents().items():
        samples = json.loads((SCHEMAS / "samples" / f"{provider}.json").read_text())
        for entry in doc["x-events"]:
            yield provider, entry["kind"], samples[entry["kind"]]


def kinds_of(provider: str) -> List[str]:
    return [e["kind"] for e in documents()[provider]["x-events"]]
