"""One million verifications in a loop (genuine and failing deliveries mixed) must not
grow the process: after a warm-up, resident memory stays within a fixed bound. A leak
of even 40 bytes per call (a body copy, an exception, a result the extension keeps)
would add ~38 MiB here. The figures are printed (``pytest -s``); no time is asserted."""

from __future__ import annotations

import gc
import os
import resource
from typing import Any, List, Optional, Tuple

import hookseal

ITERATIONS = 1_000_000
WARM_UP = 100_000
SAMPLES = 10
#: The growth of RSS allowed over the million calls, after warm-up.
BOUND_MIB = 32

SECRET = "whsec_memory"
BODY = b'{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}'
GOOD = hookseal.sign("saleslab", SECRET, BODY)
DELIVERIES: List[Tuple[bytes, Any, Optional[str]]] = [
    (BODY, GOOD, None),
    (b'{"event_kind":"deal.won","delivery_id":"d_2"}', GOOD, "signature_mismatch"),
    (BODY, {"x-saleslab-signature": "sha256=zz"}, "malformed_signature"),
    (BODY, [(b"X-SalesLab-Signature", GOOD["x-saleslab-signature"].encode())], None),
    (BODY, {}, "missing_signature"),
]


def rss_mib() -> float:
    """Resident memory now, from /proc/self/statm (pages), after a full collection."""
    gc.collect()
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run(verifier: hookseal.Verifier, n: int, start: int) -> int:
    """Verifies ``n`` deliveries, cycling through the mix; returns how many were genuine."""
    genuine = 0
    for i in range(start, start + n):
        body, headers, code = DELIVERIES[i % len(DELIVERIES)]
        try:
            verified = verifier.verify(body, headers)
        except hookseal.VerificationError as e:
            assert e.code == code, e.message
            continue
        assert code is None and verified.event_id == "d_1" and verified.idempotency_key
        genuine += 1
    return genuine


def test_a_million_verifications_keep_rss_bounded() -> None:
    verifier = hookseal.Verifier("saleslab", [SECRET])
    run(verifier, WARM_UP, 0)
    before = rss_mib()
    samples = []
    genuine = 0
    step = ITERATIONS // SAMPLES
    for s in range(SAMPLES):
        genuine += run(verifier, step, s * step)
        samples.append(rss_mib())
    after, peak = samples[-1], max(samples)
    # ru_maxrss is in KiB on Linux: the high-water mark of the whole test process.
    high_water = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = (
        f"memory (python): {ITERATIONS} verifications ({genuine} genuine) after {WARM_UP} "
        f"warm-up: RSS before {before:.1f} MiB, after {after:.1f} MiB, peak {peak:.1f} MiB, "
        f"growth {peak - before:.1f} MiB (bound {BOUND_MIB} MiB); "
        f"process high-water mark {high_water:.1f} MiB"
    )
    print(report)
    assert genuine == ITERATIONS * 2 // len(DELIVERIES)
    assert peak - before < BOUND_MIB, report
