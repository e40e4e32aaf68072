"""Checks a payload against its kind's schema, for ``Verified.event(validate=True)``.

Only the keywords the schemas use (docs/events.md): type, properties, required,
additionalProperties (a boolean), items, enum, const, local ``$ref``, anyOf; description
and format are informative. Each kind's schema is compiled once into nested checks; a
failure names the JSON path (``$.data.amount``) and what was expected, never the value,
which may be personal data; the wording is npm/src/events-validate.js's, so a payload
fails with the same message in every runtime.

>>> check = compile_schema({"type": "object", "required": ["data"], "properties": {
...     "data": {"type": "object", "properties": {"amount": {"type": "number"}}}}}, {})
>>> check({"data": {"amount": 12.5}}, "$") is None
True
>>> check({"data": {"amount": "12.5"}}, "$")
'$.data.amount must be a number, not a string'
>>> check({"data": {"amount": 1, "items": [1]}, "extra": True}, "$") is None
True
>>> check({}, "$")
'$.data is missing'
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Callable, Dict, List, Optional

#: A compiled check: the problem at ``path`` (or below it), or ``None``.
Check = Callable[[Any, str], Optional[str]]

_NAMES = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "null": "null",
}
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")
# A name from the body is shown only as far as this (it is input, not a value we check).
_MAX_NAME = 64


def _json_type(value: Any) -> str:
    """The JSON type of a value ``json.loads`` gave (what a message says was there)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _number(value: Any) -> bool:
    # bool is an int in Python, not a number in JSON.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _integer(value: Any) -> bool:
    # 1.0 is an integer in JSON Schema.
    if isinstance(value, int):
        return not isinstance(value, bool)
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


#: What each JSON type is in the values ``json.loads`` gives.
_IS: Dict[str, Callable[[Any], bool]] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "number": _number,
    "integer": _integer,
}


def member(path: str, name: str) -> str:
    """``$.data`` for a plain name, ``$["a key"]`` for any other (cut at 64 characters:
    a key is the sender's text too), as every runtime writes it."""
    if _IDENTIFIER.match(name):
        return f"{path}.{name}"
    shown = name if len(name) <= _MAX_NAME else name[:_MAX_NAME] + "\u2026"
    return f"{path}[{json.dumps(shown, ensure_ascii=False)}]"


# The path a problem starts with, as member() and the item checks write it: $, then
# .name, ["any key"] (JSON-escaped, so it may hold spaces) or [index].
_PATH = re.compile(r'\$(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[[0-9]+\]|\["(?:[^"\\]|\\.)*"\])*')


def path_of(problem: str) -> str:
    """The JSON path a check's problem names.

    >>> path_of('$["a key"][2].amount must be a number, not a string')
    '$["a key"][2].amount'
    """
    found = _PATH.match(problem)
    return found.group(0) if found else "$"


def _same(a: Any, b: Any) -> bool:
    # JSON equality: true is not 1, and 1 is 1.0.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def compile_schema(schema: Dict[str, Any], defs: Dict[str, Any], cache: Optional[Dict[str, Check]] = None) -> Check:
    """The check of ``schema``; ``$ref``s resolve in ``defs`` (the document's ``$defs``),
    each compiled once per ``cache``."""
    refs: Dict[str, Check] = {} if cache is None else cache
    checks: List[Check] = []

    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]

        def ref(value: Any, path: str) -> Optional[str]:
            target = refs.get(name)
            if target is None:
                refs[name] = _pending  # a recursive $ref sees itself as passing while compiling
                target = refs[name] = compile_schema(defs[name], defs, refs)
            return target(value, path)

        checks.append(ref)
    if "anyOf" in schema:
        branches = [(b.get("type") == "null", compile_schema(b, defs, refs)) for b in schema["anyOf"]]

        def any_of(value: Any, path: str) -> Optional[str]:
            first = None
            for is_null, branch in branches:
                problem = branch(value, path)
                if problem is None:
                    return None
                if first is None and not is_null:
                    first = problem
            # A nullable field ([{...}, {"type": "null"}]): the non-null branch says what is wrong.
            if len(branches) == 2 and first is not None:
                return first
            return f"{path} matches none of the shapes allowed here"

        checks.append(any_of)
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else [kind]
        expected = " or ".join(_NAMES[k] for k in kinds)
        tests = [_IS[k] for k in kinds]
        test = tests[0] if len(tests) == 1 else lambda value: any(t(value) for t in tests)

        def of_type(value: Any, path: str) -> Optional[str]:
            return None if test(value) else f"{path} must be {expected}, not {_NAMES[_json_type(value)]}"

        checks.append(of_type)
    if "const" in schema:
        const = schema["const"]
        fixed = json.dumps(const, separators=(",", ":"), ensure_ascii=False)  # the schema's, not the payload's
        checks.append(lambda value, path: None if _same(value, const) else f"{path} must be {fixed}")
    if "enum" in schema:
        allowed = schema["enum"]
        checks.append(
            lambda value, path: None
            if any(_same(value, a) for a in allowed)
            else f"{path} is not one of the {len(allowed)} values the schema allows"
        )
    properties = {name: compile_schema(sub, defs, refs) for name, sub in schema.get("properties", {}).items()}
    required = list(schema.get("required", []))
    closed = schema.get("additionalProperties") is False
    if properties or required or closed:

        def fields(value: Any, path: str) -> Optional[str]:
            if not isinstance(value, dict):
                return None  # "type" says what it should be
            for name in required:
                if name not in value:
                    return f"{member(path, name)} is missing"
            if closed:
                # In the body's order, as every runtime walks a closed object.
                for name, field in value.items():
                    check = properties.get(name)
                    if check is None:
                        return f"{member(path, name)} is not a field the schema allows"
                    problem = check(field, member(path, name))
                    if problem:
                        return problem
                return None
            for name, check in properties.items():
                if name in value:
                    problem = check(value[name], member(path, name))
                    if problem:
                        return problem
            return None

        checks.append(fields)
    if isinstance(schema.get("items"), dict):
        item = compile_schema(schema["items"], defs, refs)

        def items(value: Any, path: str) -> Optional[str]:
            if not isinstance(value, list):
                return None
            for i, element in enumerate(value):
                problem = item(element, f"{path}[{i}]")
                if problem:
                    return problem
            return None

        checks.append(items)

    if len(checks) == 1:
        return checks[0]

    def every(value: Any, path: str) -> Optional[str]:
        for check in checks:
            problem = check(value, path)
            if problem:
                return problem
        return None

    return every


def _pending(value: Any, path: str) -> Optional[str]:
    return None
