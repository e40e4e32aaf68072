"""events/src/<provider>.rs: the Rust types of one provider's schema (crate hookseal-events).

One struct per `$defs` entry, serde derive, snake_case fields (`#[serde(rename)]` where
the wire name differs). A required field is its type, an optional one an `Option`
skipped when absent; string enums stay `String` (a new value never fails to parse);
fields a schema does not list are kept in `extra`, as the schemas are open. Then the provider's
`SAMPLES`, and one `provider_events!` list of (type, kind) that makes its `Event` enum
(one variant per kind, `Other` for the rest), `KINDS` and `parse`.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional

from schema import kind_field, nullable, samples

KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
    "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
}


def snake(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()
    return f"r#{s}" if s in KEYWORDS else s


def doc_lines(text: str, indent: str) -> List[str]:
    if not text:
        return []
    words, lines, line = text.split(), [], ""
    width = 92 - len(indent) - 4
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return [f"{indent}/// {escape_doc(x)}" for x in lines]


def escape_doc(text: str) -> str:
    # rustdoc reads `[x]` as a link and `<x>` as HTML: keep both literal.
    return text.replace("[", "\\[").replace("]", "\\]").replace("<", "\\<").replace(">", "\\>")


def rust_type(schema: Dict[str, Any]) -> str:
    inner, null = nullable(schema)
    if "$ref" in inner:
        t = inner["$ref"][len("#/$defs/"):]
    elif "const" in inner or "enum" in inner:
        t = "String"
    else:
        t = {
            "string": "String",
            "integer": "i64",
            "number": "f64",
            "boolean": "bool",
            "object": "Map<String, Value>",
            None: "Value",
            "null": "Value",
        }.get(inner.get("type"), "")
        if inner.get("type") == "array":
            t = f"Vec<{rust_type(inner['items'])}>" if "items" in inner else "Vec<Value>"
    return f"Option<{t}>" if null else t


def envelope(doc: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """The envelope every event shares, when the events differ only by their kind's const
    and their `data` (SalesOS, Salesbooth): one generic struct then serves them all."""
    defs, key = doc["$defs"], kind_field(doc)
    shapes = []
    for e in doc["x-events"]:
        schema = defs[e["type"]]
        props = dict(schema.get("properties", {}))
        if "data" not in props:
            return None
        props[key] = {k: v for k, v in props[key].items() if k != "const"}
        props["data"] = None
        shapes.append(json.dumps({**schema, "properties": props, "description": None}, sort_keys=True))
    if len(set(shapes)) != 1:
        return None
    if "Envelope" in defs:
        raise ValueError(f"{doc['x-provider']}: the $defs name Envelope is the generated envelope's")
    # The first event's schema, in its order, with the kind a string and `data` generic.
    first = dict(defs[doc["x-events"][0]["type"]])
    props = dict(first["properties"])
    props[key] = {"type": "string", "description": props[key].get("description", "")}
    props["data"] = {"$ref": "#/$defs/D", "description": "The kind's payload."}
    first["properties"] = props
    return first


def struct(name: str, schema: Dict[str, Any], generic: bool = False) -> List[str]:
    out = doc_lines(schema.get("description") or "", "")
    out += ["#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]"]
    out.append(f"pub struct {name}<D> {{" if generic else f"pub struct {name} {{")
    required = set(schema.get("required", []))
    for key, sub in schema.get("properties", {}).items():
        field = snake(key)
        if field == "extra":
            raise ValueError(f"{name}.{key}: `extra` holds the unlisted fields; rename the generator's")
        out += doc_lines(sub.get("description", ""), "    ")
        if "enum" in sub:
            out += doc_lines("One of: " + ", ".join(f"`{v}`" for v in sub["enum"]) + ".", "    ")
        attrs = []
        if field.removeprefix("r#") != key:
            attrs.append(f'rename = "{key}"')
        t = rust_type(sub)
        if key not in required:
            attrs.append('default, skip_serializing_if = "Option::is_none"')
            t = f"Option<{t}>"
        if attrs:
            out.append(f"    #[serde({', '.join(attrs)})]")
        out.append(f"    pub {field}: {t},")
    out += [
        "    /// The fields the schema does not list, as sent (every object is open).",
        "    #[serde(flatten)]",
        "    pub extra: Map<String, Value>,",
        "}",
    ]
    return out


def render(doc: Dict[str, Any]) -> str:
    p = doc["x-provider"]
    events = doc["x-events"]
    defs = doc["$defs"]
    out = [
        f"// Written by scripts/events/generate.py from core/events/{p}.json: do not edit.",
        "",
        *[x.replace("/// ", "//! ", 1) for x in doc_lines(doc["description"], "")],
        "",
        "use serde::{Deserialize, Serialize};",
        "use serde_json::{Map, Value};",
    ]
    shared = envelope(doc)
    kinds = {e["type"]: e for e in events}
    if shared:
        shared["description"] = "Every delivery: the envelope around its kind's `data`."
        out += ["", *struct("Envelope", shared, generic=True)]
    for name, schema in defs.items():
        if shared and name in kinds:
            data = schema["properties"]["data"]
            out += ["", *doc_lines(schema.get("description", ""), "")]
            out.append(f"pub type {name} = Envelope<{rust_type(data)}>;")
        else:
            out += ["", *struct(name, schema)]
    out += [
        "",
        "/// A body of every kind, in [`KINDS`] order: every listed field, fixed values",
        f"/// (core/events/samples/{p}.json).",
        "pub const SAMPLES: &[(&str, &str)] = &[",
    ]
    for kind, body in samples(doc):
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        out.append(f'    ("{kind}", r#"{text}"#),')
    out += ["];", "", "// `Event`, `KINDS` and `parse` (events/src/lib.rs, `provider_events!`).", "crate::provider_events! {"]
    for e in events:
        out += doc_lines(f"`{e['kind']}`: {e['summary']}", "    ")
        out.append(f'    {e["type"]} = "{e["kind"]}",')
    out.append("}")
    return "\n".join(out) + "\n"
