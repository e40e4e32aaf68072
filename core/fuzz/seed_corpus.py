#!/usr/bin/env python3
"""Seeds the checked-in fuzz corpus from the shared vectors: each small vector's header
values and body become one input file per target, so fuzzing starts from real shapes
(prefixes, hex, base64 lists, Stripe items, JSON envelopes) instead of from nothing."""

import base64
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).parent
VECTORS = HERE.parent / "vectors"
TARGETS = ["parse_headers", "verify", "envelope", "detect"]


def seeds():
    for path in sorted(VECTORS.glob("*.json")):
        for case in json.loads(path.read_text()):
            if "body" in case:  # the compact form is kept for large bodies only
                continue
            body = base64.b64decode(case["body_b64"])
            if len(body) > 4096:
                continue
            headers = case.get("headers") or case["expect"].get("headers", [])
            parts = [f"{n}\0{v}".encode() for n, v in headers]
            yield b"\0".join(parts) + b"\0" + body


def main():
    for target in TARGETS:
        out = HERE / "corpus" / target
        out.mkdir(parents=True, exist_ok=True)
        for seed in seeds():
            (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"seeded {len(list(seeds()))} inputs into {len(TARGETS)} corpora")


if __name__ == "__main__":
    main()
