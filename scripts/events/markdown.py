"""docs/events.md: every event of every provider with its fields, from the schemas."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from schema import fields, kind_field

TITLES = {"saleslab": "SalesLab", "salesos": "SalesOS", "salesbooth": "Salesbooth", "salescaling": "Salescaling"}

HEAD = """# Events

<!-- Written by scripts/events/generate.py from core/events/*.json: edit the schemas, then
run `python3 scripts/events/generate.py` (CI runs it with --check). -->

Every payload hookseal's providers send, as their documents give it. One JSON Schema
(2020-12) per provider in [core/events/](../core/events/) is the source: the typed events
of every runtime are generated from it, and `hookseal send` sends its samples
([core/events/samples/](../core/events/samples/)).

- The kind of a delivery is the verified envelope's `kind`, read by the core from the
  field below; a kind not listed here gives the generic form, never an error.
- Where a document is silent, the schema is too: the field is optional and every object
  is open (extra fields never fail). A field marked *required* is one the provider's
  document shows in that event's payload.
- Validating (`validate` in each runtime) checks a payload against its kind's schema; a
  mismatch is `invalid_payload` (400), whose message names the JSON path
  (`$.data.value`) and never the value.

## The schema files

Top level: `$schema`, `$id`, `title`, `description`, `x-provider` (the scheme id),
`x-events` (the ordered list of `{kind, type, summary}`) and `$defs` (one schema per
event `type`, the whole parsed body, plus the shared sub-objects). Only these keywords
appear: `type`, `properties`, `required`, `additionalProperties` (true or false), `items`,
`enum`, `const`, `$ref` (`#/$defs/…` only), `description`, `format` (informative),
`anyOf` (only `[schema, {"type": "null"}]`). An object with properties is always a
`$defs` entry, reached by `$ref`; a property without `type` is any JSON value.
`scripts/events/generate.py` refuses anything else.

| provider | kind field | event types | fields |
|---|---|---|---|
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: List[Tuple[str, str, bool, str]]) -> List[str]:
    out = ["| field | type | | description |", "|---|---|---|---|"]
    for path, typ, required, desc in rows:
        out.append(f"| `{path}` | {_cell(typ)} | {'required' if required else ''} | {_cell(desc)} |")
    return out


def counts(doc: Dict[str, Any]) -> Tuple[int, int]:
    """(event types, fields): each field of each event counted once, nested ones too."""
    defs = doc["$defs"]
    return len(doc["x-events"]), sum(len(fields(defs[e["type"]], defs)) for e in doc["x-events"])


def render(docs: List[Dict[str, Any]]) -> str:
    lines = [HEAD.rstrip("\n")]
    for doc in docs:
        p = doc["x-provider"]
        n, f = counts(doc)
        lines.append(f"| [{TITLES[p]}](#{p}) | `{kind_field(doc)}` | {n} | {f} |")
    for doc in docs:
        lines += ["", *_provider(doc)]
    return "\n".join(lines) + "\n"


def _provider(doc: Dict[str, Any]) -> List[str]:
    p = doc["x-provider"]
    defs = doc["$defs"]
    key = kind_field(doc)
    per_event = [(e, fields(defs[e["type"]], defs)) for e in doc["x-events"]]
    # Rows every event shares (the envelope) are listed once; the kind's row differs
    # only by its const, so it is shared as "the kind".
    def norm(row: Tuple[str, str, bool, str]) -> Tuple[str, str, bool, str]:
        return (row[0], "the kind", row[2], row[3]) if row[0] == key else row
    shared = [norm(r) for r in per_event[0][1]]
    shared = [r for r in shared if all(r in [norm(x) for x in rows] for _, rows in per_event)]
    lines = [f'<a id="{p}"></a>', f"## {TITLES[p]}", "", doc["description"], ""]
    lines += [f"Schema: [core/events/{p}.json](../core/events/{p}.json). Kinds:", ""]
    lines.append(", ".join(f"[`{e['kind']}`](#{p}-{e['kind'].replace('.', '-')})" for e in doc["x-events"]))
    if shared:
        lines += ["", "Every event has:", "", *_table(shared)]
    for e, rows in per_event:
        own = [r for r in rows if norm(r) not in shared]
        anchor = f"{p}-{e['kind'].replace('.', '-')}"
        lines += ["", f'<a id="{anchor}"></a>', f"### `{e['kind']}` ({e['type']})", "", e["summary"]]
        if own:
            lines += ["", *_table(own)]
    shared_defs = [name for name in defs if name not in {e["type"] for e in doc["x-events"]}]
    if shared_defs:
        lines += ["", f"### {TITLES[p]} sub-objects", ""]
        for name in shared_defs:
            lines.append(f"- `{name}`: {defs[name].get('description', '')}")
    return lines
