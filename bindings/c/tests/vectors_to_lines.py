#!/usr/bin/env python3
"""Turns the shared vectors (core/vectors/*.json, every file) into a line format that
the C test reads without a JSON parser.

One token per field, separated by single spaces; every string is `=` followed by its
bytes in hex (so empty strings, spaces, NULs and binary bodies pass unchanged):

    case =<name>            op verify|sign        scheme =<id>
    secret =<bytes>         option =<name> =<value as text>
    now <int>               header =<name> =<value>          body =<bytes>
    timestamp <int>|null    id =<text>|null
    expect error <code> | expect ok | expect headers
    field <name> s =<text> | field <name> i <int> | field <name> n | field <name> b 0|1
    out_header =<name> =<value>
    end

Usage: vectors_to_lines.py VECTOR_DIR > vectors.txt
"""
import base64
import glob
import json
import os
import sys


def body_of(case):
    """`body_b64`, or the compact `body` VALUE ({"repeat": "a", "count": N}, core/vectors/README.md)."""
    if "body" in case:
        return case["body"]["repeat"].encode() * case["body"]["count"]
    return base64.b64decode(case["body_b64"])


def hx(value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return "=" + value.hex()


def option_text(value):
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise SystemExit(f"option value {value!r} is neither a whole number nor text")
    return str(value)


def field(name, value):
    if value is None:
        return f"field {name} n"
    if isinstance(value, bool):
        return f"field {name} b {int(value)}"
    if isinstance(value, int):
        return f"field {name} i {value}"
    return f"field {name} s {hx(value)}"


def case_lines(case):
    yield f"case {hx(case['name'])}"
    yield f"op {case['op']}"
    yield f"scheme {hx(case['scheme'])}"
    for name, value in (case.get("options") or {}).items():
        yield f"option {hx(name)} {hx(option_text(value))}"
    yield f"body {hx(body_of(case))}"
    expect = case["expect"]
    if case["op"] == "verify":
        for secret in case["secrets"]:
            yield f"secret {hx(secret)}"
        yield f"now {int(case['now'])}"
        for name, value in case["headers"]:
            yield f"header {hx(name)} {hx(value)}"
    elif case["op"] == "sign":
        yield f"secret {hx(case['secret'])}"
        ts = case.get("timestamp")
        yield f"timestamp {'null' if ts is None else int(ts)}"
        msg_id = case.get("id")
        yield f"id {'null' if msg_id is None else hx(msg_id)}"
    else:
        raise SystemExit(f"{case['name']}: unknown op {case['op']!r}")
    if "error" in expect:
        yield f"expect error {expect['error']}"
    elif "headers" in expect:
        yield "expect headers"
        for name, value in expect["headers"]:
            yield f"out_header {hx(name)} {hx(value)}"
    else:
        yield "expect ok"
        for name, value in expect.items():
            if name != "ok":
                yield field(name, value)
    yield "end"


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "core/vectors"
    files = sorted(glob.glob(os.path.join(directory, "*.json")))
    if not files:
        raise SystemExit(f"no vector files in {directory}")
    out = sys.stdout
    for path in files:
        with open(path, encoding="utf-8") as f:
            for case in json.load(f):
                for line in case_lines(case):
                    out.write(line + "\n")


if __name__ == "__main__":
    main()
