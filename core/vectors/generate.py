#!/usr/bin/env python3
"""Generate hookseal's shared conformance vectors.

This is an independent implementation of docs/schemes.md, written with the Python
standard library (hmac, hashlib, base64, json) and, for Standard Webhooks v1a, the
`cryptography` package's Ed25519. It never imports hookseal: the point of the vectors is
that the Rust core cannot agree with itself by accident.

Every case below states the result its author intended (an error code, or "ok" with a
few fields). The reference verifier in this file recomputes the result from the case's
inputs, and the script refuses to write anything if the two disagree. So a vector is
only emitted when the stated intent and an executable reading of the rules agree.

    python3 core/vectors/generate.py           # (re)write core/vectors/*.json
    python3 core/vectors/generate.py --check   # exit 1 if a committed file would change

Output is deterministic: no randomness, no clock, fixed timestamps and ids.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import FILES, HERE, OUTPUT  # noqa: E402
from cases import (  # noqa: E402
    saleslab, salesos, salesbooth, salescaling, standard_webhooks, stripe, github, custom, sign, construction,
    example, standard_webhooks_v1a, rotation,
)

# The v1a and rotation sets come after the others, so that the cases already in a file
# keep their places.
CASE_SETS = [saleslab, salesos, salesbooth, salescaling, standard_webhooks, stripe, github, custom, sign, construction,
             example, standard_webhooks_v1a, rotation]


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def render():
    for case_set in CASE_SETS:
        case_set.cases()
    return {name: json.dumps(cases, indent=2, ensure_ascii=True) + "\n"
            for name, cases in OUTPUT.items()}


def main(argv):
    check = "--check" in argv[1:]
    rendered = render()
    differ = []
    for name, text in rendered.items():
        path = os.path.join(HERE, name)
        try:
            with open(path, "r", encoding="ascii", newline="") as f:
                current = f.read()
        except (OSError, UnicodeDecodeError):
            current = None
        if current == text:
            continue
        differ.append(name)
        if not check:
            with open(path, "w", encoding="ascii", newline="\n") as f:
                f.write(text)
    total = sum(len(c) for c in OUTPUT.values())
    if check:
        if differ:
            print("out of date (run core/vectors/generate.py): " + ", ".join(differ))
            return 1
        print("vectors up to date: %d cases in %d files" % (total, len(rendered)))
        return 0
    for name in FILES:
        print("%-24s %4d cases%s" % (name, len(OUTPUT[name]), "  (written)" if name in differ else ""))
    print("%-24s %4d cases" % ("total", total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
