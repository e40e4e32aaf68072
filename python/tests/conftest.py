"""Shared test helpers: where the repository is, and the shared vectors."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "core" / "vectors"


def load_vectors() -> List[Dict[str, Any]]:
    """Every case of every file in core/vectors/ (a glob: new files are picked up)."""
    cases = []
    for path in sorted(VECTORS.glob("*.json")):
        for case in json.loads(path.read_text()):
            case["_file"] = path.name
            cases.append(case)
    return cases


def body_of(case: Dict[str, Any]) -> bytes:
    """`body_b64`, or the compact `body` VALUE of a large body (core/vectors/README.md)."""
    if "body" in case:
        return str(case["body"]["repeat"]).encode() * int(case["body"]["count"])
    return base64.b64decode(case["body_b64"])


@pytest.fixture(scope="session")
def now() -> int:
    return 1_700_000_000
