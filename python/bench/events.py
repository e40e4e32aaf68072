"""What ``Verified.event()`` costs at 1 KiB, side by side with ``json.loads`` of the same
body in the same run. Not a test: it prints ns/op and the ratio. Run it against a release
build of the wheel (``bash python/bench/run.sh`` installs one), from outside the checkout:

    cd /tmp && /path/to/.venv/bin/python /path/to/python/bench/events.py

``event()`` is ``json.loads`` (through ``Verified.json()``), the kind from the verified
envelope (parsed natively from the body the first time it is asked for, unless a store
claim already read it), and the ``{"kind", "payload"}`` dict; ``validate=True`` adds the
schema check. Each row times fresh ``Verified`` objects (verified before the clock starts),
as a handler gets one per delivery.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from typing import Callable, List, Tuple

import hookseal

SECRET = "whsec_os"
SIZE = 1024
N = 20_000
ROUNDS = 7


def body_of(size: int) -> bytes:
    """A SalesOS deal.won delivery of exactly ``size`` bytes (the deal's name padded)."""
    payload = {
        "id": "evt_8f2c1a7e4b9d",
        "type": "deal.won",
        "created_at": "2026-01-05T10:00:00Z",
        "data": {
            "id": "deal_123",
            "name": "",
            "value": 50000,
            "stage": "Closed Won",
            "owner_id": "user_456",
            "previous_stage": "Negotiation",
        },
    }
    bare = len(json.dumps(payload, separators=(",", ":")).encode())
    payload["data"]["name"] = "Acme renewal " + "x" * (size - bare - 13)
    body = json.dumps(payload, separators=(",", ":")).encode()
    assert len(body) == size, len(body)
    return body


def pool(verifier: hookseal.Verifier, body: bytes, headers: dict, envelope: bool) -> List[hookseal.Verified]:
    out = [verifier.verify(body, headers) for _ in range(N)]
    if envelope:
        for v in out:
            v.idempotency_key  # what a store claim reads before the handler
    return out


def timed(make: Callable[[], list], run: Callable[[object], object]) -> float:
    """The median over rounds of ns per call, each round over fresh objects."""
    samples = []
    for _ in range(ROUNDS):
        items = make()
        gc.collect()
        gc.disable()
        start = time.perf_counter_ns()
        for item in items:
            run(item)
        samples.append((time.perf_counter_ns() - start) / len(items))
        gc.enable()
    return statistics.median(samples)


def main() -> None:
    body = body_of(SIZE)
    verifier = hookseal.Verifier("salesos", [SECRET])
    headers = hookseal.sign("salesos", SECRET, body)
    assert verifier.verify(body, headers).event(validate=True)["kind"] == "deal.won"
    rows: List[Tuple[str, float]] = [
        # Fresh bytes objects, as each request has its own (one object N times stays in cache).
        ("json.loads(body)", timed(lambda: [(body + b" ")[:-1] for _ in range(N)], json.loads)),
        ("verified.event()", timed(lambda: pool(verifier, body, headers, False), lambda v: v.event())),
        ("verified.event(), envelope already read", timed(lambda: pool(verifier, body, headers, True), lambda v: v.event())),
        ("verified.event(validate=True)", timed(lambda: pool(verifier, body, headers, False), lambda v: v.event(validate=True))),
        ("verified.json() alone", timed(lambda: pool(verifier, body, headers, False), lambda v: v.json())),
    ]
    base = rows[0][1]
    print(f"hookseal {hookseal.__version__}, Python {sys.version.split()[0]}, a {SIZE}-byte SalesOS deal.won, median of {ROUNDS} rounds of {N}")
    print(f"| {'':44} | ns/op | vs json.loads |")
    print(f"|{'-' * 46}|------:|--------------:|")
    for name, ns in rows:
        print(f"| {name:44} | {ns:5.0f} | {ns / base:12.2f}x |")


if __name__ == "__main__":
    main()
