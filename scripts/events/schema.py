"""Reads the event schemas of core/events/ and checks they use only the keywords every
runtime's generator and validator handle (docs/events.md, "The schema files").

Shared by generate.py (docs, samples, Rust types) and the seed-example test; stdlib only.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "core" / "events"
PROVIDERS = ["saleslab", "salesos", "salesbooth", "salescaling"]

TOP = {"$schema", "$id", "title", "description", "x-provider", "x-events", "$defs"}
KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "items", "enum", "const",
    "$ref", "description", "format", "anyOf",
}
TYPES = {"object", "array", "string", "number", "integer", "boolean", "null"}


class SchemaError(Exception):
    pass


def load(provider: str) -> Dict[str, Any]:
    path = SCHEMAS / f"{provider}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    where = f"core/events/{provider}.json"
    extra = set(doc) - TOP
    if extra:
        raise SchemaError(f"{where}: top-level keys {sorted(extra)} are not part of the format")
    if doc.get("x-provider") != provider:
        raise SchemaError(f"{where}: x-provider must be {provider!r}")
    defs = doc["$defs"]
    seen = set()
    for e in doc["x-events"]:
        if set(e) != {"kind", "type", "summary"}:
            raise SchemaError(f"{where}: x-events entry {e} needs exactly kind, type, summary")
        if e["kind"] in seen:
            raise SchemaError(f"{where}: kind {e['kind']} listed twice")
        seen.add(e["kind"])
        if e["type"] not in defs:
            raise SchemaError(f"{where}: {e['kind']} names type {e['type']}, not in $defs")
    for name, schema in defs.items():
        check(schema, defs, f"{where}#/$defs/{name}")
    return doc


def check(schema: Any, defs: Dict[str, Any], where: str) -> None:
    if not isinstance(schema, dict):
        raise SchemaError(f"{where}: a schema must be an object")
    unknown = set(schema) - KEYWORDS
    if unknown:
        raise SchemaError(f"{where}: keywords {sorted(unknown)} are outside the format")
    t = schema.get("type")
    if t is not None and t not in TYPES:
        raise SchemaError(f"{where}: type {t!r} (one type per schema, from {sorted(TYPES)})")
    if "additionalProperties" in schema and not isinstance(schema["additionalProperties"], bool):
        raise SchemaError(f"{where}: additionalProperties must be true or false")
    ref = schema.get("$ref")
    if ref is not None:
        if not ref.startswith("#/$defs/") or ref[len("#/$defs/"):] not in defs:
            raise SchemaError(f"{where}: $ref {ref} is not a local #/$defs/ name")
    if "anyOf" in schema:
        branches = schema["anyOf"]
        if len(branches) != 2 or branches[1] != {"type": "null"}:
            raise SchemaError(f"{where}: anyOf is only [schema, {{\"type\": \"null\"}}]")
        check(branches[0], defs, where + "/anyOf/0")
    for key, sub in schema.get("properties", {}).items():
        check(sub, defs, f"{where}/properties/{key}")
        if sub.get("type") == "object" and sub.get("properties"):
            raise SchemaError(f"{where}/properties/{key}: an object with properties is a $defs entry")
    for key in schema.get("required", []):
        if key not in schema.get("properties", {}):
            raise SchemaError(f"{where}: required {key} is not a property")
    if "items" in schema:
        check(schema["items"], defs, where + "/items")


def resolve(schema: Dict[str, Any], defs: Dict[str, Any]) -> Dict[str, Any]:
    """The schema a `$ref` names (its own description wins), else the schema itself."""
    if "$ref" in schema:
        target = dict(defs[schema["$ref"][len("#/$defs/"):]])
        if "description" in schema:
            target["description"] = schema["description"]
        return target
    return schema


def nullable(schema: Dict[str, Any]) -> Tuple[Dict[str, Any], bool]:
    if "anyOf" in schema:
        return schema["anyOf"][0], True
    return schema, False


# Fixed values, so that a sample is the same on every run (the drift check) and in every
# runtime (the round-trip tests compare values).
SAMPLE_TIME = "2026-05-19T13:42:08Z"
SAMPLE_DATE = "2026-05-19"


def _uuid(seed: str) -> str:
    h = hashlib.sha256(seed.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}"


def sample(schema: Dict[str, Any], defs: Dict[str, Any], seed: str, name: str) -> Any:
    """A value of `schema`: every listed property, the first enum value, the const."""
    schema, _ = nullable(resolve(schema, defs))
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    t = schema.get("type")
    if t == "object":
        return {
            key: sample(sub, defs, f"{seed}.{key}", key)
            for key, sub in schema.get("properties", {}).items()
        }
    if t == "array":
        if "items" not in schema:
            return []
        return [sample(schema["items"], defs, seed + "[0]", name)]
    if t == "integer":
        return 7
    if t == "number":
        return 87.5
    if t == "boolean":
        return True
    if t == "null":
        return None
    fmt = schema.get("format")
    if fmt == "uuid":
        return _uuid(seed)
    if fmt == "date-time":
        return SAMPLE_TIME
    if fmt == "date":
        return SAMPLE_DATE
    if fmt == "uri":
        return f"https://example.com/{name.replace('_', '-')}"
    if name == "id" or name.endswith("_id") or name.endswith("Id"):
        return f"{name}_{hashlib.sha256(seed.encode()).hexdigest()[:12]}"
    return name.replace("_", " ")


def samples(doc: Dict[str, Any]) -> Iterator[Tuple[str, Any]]:
    defs = doc["$defs"]
    for e in doc["x-events"]:
        yield e["kind"], sample(defs[e["type"]], defs, f"{doc['x-provider']}:{e['kind']}", "")


def describe_type(schema: Dict[str, Any], defs: Dict[str, Any]) -> str:
    """A short type for docs: `string (uuid)`, `integer`, `array of Scorecard`, ..."""
    inner, null = nullable(schema)
    if "$ref" in inner:
        text = inner["$ref"][len("#/$defs/"):]
    elif "const" in inner:
        text = f"`{json.dumps(inner['const'])}`"
    elif "enum" in inner:
        text = "one of " + ", ".join(f"`{v}`" for v in inner["enum"])
    else:
        t = inner.get("type")
        if t is None:
            text = "any"
        elif t == "array":
            text = "array" if "items" not in inner else "array of " + describe_type(inner["items"], defs)
        elif t == "object":
            text = "object"
        else:
            text = t + (f" ({inner['format']})" if "format" in inner else "")
    return text + (" or null" if null else "")


def fields(schema: Dict[str, Any], defs: Dict[str, Any], prefix: str = "") -> List[Tuple[str, str, bool, str]]:
    """Every field of an event, flattened: (path, type, required, description)."""
    schema = resolve(schema, defs)
    rows = []
    required = set(schema.get("required", []))
    for key, sub in schema.get("properties", {}).items():
        path = prefix + key
        desc = resolve(sub, defs).get("description", "")
        rows.append((path, describe_type(sub, defs), key in required, desc))
        inner, _ = nullable(sub)
        if "$ref" in inner:
            rows.extend(fields(inner, defs, path + "."))
        elif inner.get("type") == "array" and "$ref" in inner.get("items", {}):
            rows.extend(fields(inner["items"], defs, path + "[]."))
    return rows


def kind_field(doc: Dict[str, Any]) -> str:
    """The property every event pins with `const` to its kind."""
    defs = doc["$defs"]
    first = doc["x-events"][0]
    for key, sub in defs[first["type"]]["properties"].items():
        if sub.get("const") == first["kind"]:
            return key
    raise SchemaError(f"{doc['x-provider']}: {first['kind']} has no const property for its kind")
