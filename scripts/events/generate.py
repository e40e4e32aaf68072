#!/usr/bin/env python3
"""Writes everything derived from the event schemas (core/events/<provider>.json):

- docs/events.md: every event of every provider with its fields;
- core/events/samples/<provider>.json: a body of every kind (every listed field, fixed
  values), which the runtimes' round-trip tests and `hookseal send` use;
- events/src/<provider>.rs: the Rust types of the crate hookseal-events.

    python3 scripts/events/generate.py           # write
    python3 scripts/events/generate.py --check   # fail if anything written differs (CI)

Stdlib only (and rustfmt, for the Rust files). The other runtimes' generators read the same schemas
(scripts/events/python.py, ...).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Dict

sys.path.insert(0, str(Path(__file__).resolve().parent))

import markdown  # noqa: E402
import rust  # noqa: E402
from schema import PROVIDERS, ROOT, SCHEMAS, load, samples  # noqa: E402


def outputs() -> Dict[Path, str]:
    docs = [load(p) for p in PROVIDERS]
    out = {ROOT / "docs" / "events.md": markdown.render(docs)}
    for doc in docs:
        p = doc["x-provider"]
        body = dict(samples(doc))
        out[SCHEMAS / "samples" / f"{p}.json"] = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
        out[ROOT / "events" / "src" / f"{p}.rs"] = rustfmt(rust.render(doc))
    return out


def rustfmt(source: str) -> str:
    # The crate is checked by `cargo fmt --check`: write what rustfmt would.
    done = subprocess.run(
        ["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
        input=source, capture_output=True, text=True, check=True,
    )
    return done.stdout


def main(argv: list) -> int:
    check = "--check" in argv
    stale = []
    for path, text in outputs().items():
        now = path.read_text(encoding="utf-8") if path.exists() else None
        if now == text:
            continue
        if check:
            stale.append(path.relative_to(ROOT))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        names = ", ".join(str(p) for p in stale)
        print(f"stale: {names}: run python3 scripts/events/generate.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
