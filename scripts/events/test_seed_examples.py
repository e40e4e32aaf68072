#!/usr/bin/env python3
"""Every payload example of the provider documents (docs/seeds/) validates against its
kind's schema, and so does every generated sample (core/events/samples/), with the
`jsonschema` package (Draft 2020-12): the schemas say what the documents say.

    python3 scripts/events/test_seed_examples.py   # needs jsonschema (scripts/ci/events.sh)

The documents are web pages captured as text, so an example is cut out between anchors
and the page's elisions are undone first: `, ...` in an object, `/* ... */` and `// ...`
comments, and `{ … }` standing for "an object" go. One block is no example: SalesLab's
"Delivery shape" elides its scorecard (`"scorecard": { … }`) and the fields around it, so
it illustrates the headers, not a payload; its kind's "Payload shape" is checked instead.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Iterator, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jsonschema import Draft202012Validator  # noqa: E402

from schema import PROVIDERS, ROOT, SCHEMAS, kind_field, load  # noqa: E402

SEEDS = ROOT / "docs" / "seeds"

# (provider, seed file, the text each example follows)
ANCHORS = [
    ("saleslab", "saleslab.txt", "Payload shape"),
    ("salesos", "salesos.txt", "All webhook payloads follow the same structure:"),
    ("salesbooth", "salesbooth.txt", "All events share the same envelope structure:"),
]


def objects_after(text: str, anchor: str) -> Iterator[str]:
    """The balanced `{...}` that follows each occurrence of `anchor`."""
    start = 0
    while (at := text.find(anchor, start)) >= 0:
        open_at = text.index("{", at)
        depth = 0
        for i in range(open_at, len(text)):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                yield text[open_at : i + 1]
                break
        start = at + len(anchor)


def undo_elisions(block: str) -> str:
    block = re.sub(r"/\*.*?\*/", "", block)
    block = re.sub(r"(?<![:\w])//[^\n}]*", "", block)  # a comment, not https://
    block = re.sub(r",\s*\.\.\.\s*(?=[}\]])", "", block)
    return block


def examples() -> List[Tuple[str, str, Any]]:
    found = []
    for provider, name, anchor in ANCHORS:
        text = (SEEDS / name).read_text(encoding="utf-8")
        for block in objects_after(text, anchor):
            found.append((provider, name, json.loads(undo_elisions(block))))
    return found


def validator(doc: dict, kind: str) -> Draft202012Validator:
    entry = next(e for e in doc["x-events"] if e["kind"] == kind)
    schema = {"$schema": doc["$schema"], "$defs": doc["$defs"], "$ref": f"#/$defs/{entry['type']}"}
    Draft202012Validator.check_schema(doc)
    return Draft202012Validator(schema)


def main() -> int:
    docs = {p: load(p) for p in PROVIDERS}
    failures = []
    checked = {p: 0 for p in PROVIDERS}
    for provider, name, body in examples():
        doc = docs[provider]
        kind = body[kind_field(doc)]
        for error in validator(doc, kind).iter_errors(body):
            failures.append(f"{name} {kind}: {error.json_path}: {error.message}")
        checked[provider] += 1
    # Per document: SalesLab's 13 payload shapes, SalesOS's and Salesbooth's envelope.
    # Salescaling's document shows no body.
    expected = {"saleslab": 13, "salesos": 1, "salesbooth": 1, "salescaling": 0}
    if checked != expected:
        failures.append(f"examples found per provider: {checked}, expected {expected}")
    samples = 0
    for provider, doc in docs.items():
        bodies = json.loads((SCHEMAS / "samples" / f"{provider}.json").read_text(encoding="utf-8"))
        if list(bodies) != [e["kind"] for e in doc["x-events"]]:
            failures.append(f"samples/{provider}.json: kinds differ from x-events")
        for kind, body in bodies.items():
            for error in validator(doc, kind).iter_errors(body):
                failures.append(f"samples/{provider}.json {kind}: {error.json_path}: {error.message}")
            samples += 1
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    if failures:
        return 1
    print(f"{sum(checked.values())} seed examples and {samples} samples match their schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
