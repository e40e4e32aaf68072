#!/usr/bin/env python3
"""Writes the README's table of every option across the runtimes from where each name
lives: the core's `OPTION_NAMES` (core/src/options.rs), the JS name map `OPTION_NAMES`
(npm/src/options.js) and the Go options that set each name (go/options.go). Python and
the vectors use the core's names. A name that one runtime lacks fails.

    python3 scripts/docs/options_table.py          # rewrite the table in README.md
    python3 scripts/docs/options_table.py --check  # exit 1 when README.md's table is stale
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
BEGIN = "<!-- options: written by scripts/docs/options_table.py -->"
END = "<!-- options: end -->"

# What each option does: prose, kept here beside the table it fills.
MEANING = {
    "tolerance": "seconds either way (default 300); `\"off\"` turns the check off",
    "max_body": "the largest body in bytes (default 1,048,576)",
    "header": "`salescaling`'s token header, `custom`'s signature header",
    "prefix": "`salescaling`'s token prefix, `custom`'s signature prefix",
    "encoding": "`custom`: `hex` or `base64`",
    "content": "`custom`: `body`, `ts.body` or `id.ts.body`",
    "timestamp_header": "`custom`: the timestamp header",
    "id_header": "`custom`: the id header",
}


def core_names():
    text = (ROOT / "core/src/options.rs").read_text()
    block = re.search(r"pub const OPTION_NAMES: \[&str; \d+\] = \[(.*?)\];", text, re.S).group(1)
    return re.findall(r'"([a-z_]+)"', block)


def js_names():
    text = (ROOT / "npm/src/options.js").read_text()
    block = re.search(r"export const OPTION_NAMES = Object\.freeze\(\{(.*?)\}\);", text, re.S).group(1)
    return {core: js for js, core in re.findall(r"(\w+): '([a-z_]+)'", block)}


def go_names():
    text = (ROOT / "go/options.go").read_text()
    found = {}
    for func, core in re.findall(r'func (With\w+)\([^)]*\) Option \{[^}]*?c\.set\("([a-z_]+)"', text, re.S):
        found.setdefault(core, []).append(f"`{func}`")
    return found


def table():
    js, go = js_names(), go_names()
    rows = ["| option (Rust, Python, vectors) | Node and edge | Go | what |", "|---|---|---|---|"]
    problems = []
    for name in core_names():
        if name not in js:
            problems.append(f"npm/src/options.js has no name for {name}")
        if name not in go:
            problems.append(f"go/options.go has no option that sets {name}")
        if name not in MEANING:
            problems.append(f"scripts/docs/options_table.py says nothing of {name}")
        rows.append(f"| `{name}` | `{js.get(name, '?')}` | {', '.join(go.get(name, ['?']))} | "
                    f"{MEANING.get(name, '?')} |")
    return "\n".join(rows), problems


def main(argv):
    text, problems = table()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    readme = README.read_text()
    before, rest = readme.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    written = f"{before}{BEGIN}\n{text}\n{END}{after}"
    if "--check" in argv:
        if written != readme:
            print("README.md's option table is stale: python3 scripts/docs/options_table.py", file=sys.stderr)
            return 1
        print("README.md's option table is the options of every runtime")
        return 0
    README.write_text(written)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
