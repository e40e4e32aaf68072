"""Standard Webhooks `v1a` (Ed25519) against `v1` (HMAC-SHA256) through the Python API:
verify and sign, side by side in one run. Not a test: it prints a table of µs per call
and the v1a/v1 ratio. Run it against a release build of the wheel:

    (cd python && maturin build --release --no-default-features --features py310 --out DIR)
    pip install --force-reinstall --no-deps DIR/hookseal-*.whl
    python python/bench/v1a.py

Same method as bench.py: CPU time (`time.process_time`), the cases interleaved in each of
ROUNDS rounds, the best round kept; JSON bodies of exactly the size shown, headers a dict
with lowercase names."""

from __future__ import annotations

import base64
import json
import platform
import sys
import time
import timeit
from typing import Callable, Dict, List, Tuple

import hookseal

SIZES = [256, 1024, 64 * 1024]
ROUNDS = 7
T = 1_700_000_000
WHSEC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
# RFC 8032 §7.1, test 1.
SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
WHSK = "whsk_" + base64.b64encode(SEED).decode()
WHPK = "whpk_" + base64.b64encode(PUBLIC).decode()


def json_body(size: int) -> bytes:
    head = b'{"type":"invoice.paid","id":"evt_1","pad":"'
    return head + b"x" * (size - len(head) - 2) + b'"}'


def delivery(key: str, body: bytes) -> Dict[str, str]:
    headers = {"host": "hooks.example.com", "content-type": "application/json",
               "content-length": str(len(body))}
    headers.update(hookseal.sign("standard-webhooks", key, body, timestamp=T, id="msg_1"))
    return headers


def cases(size: int) -> List[Tuple[str, Callable[[], object]]]:
    body = json_body(size)
    v1, v1a = delivery(WHSEC, body), delivery(WHSK, body)
    hmac = hookseal.Verifier("standard-webhooks", [WHSEC])
    ed = hookseal.Verifier("standard-webhooks", [WHPK])
    # A receiver moving a sender from v1 to v1a: both in one list, the key second.
    mixed = hookseal.Verifier("standard-webhooks", [WHSEC, WHPK])
    assert hmac.verify(body, v1, now=T).secret_index == 0
    assert ed.verify(body, v1a, now=T).secret_index == 0
    assert mixed.verify(body, v1a, now=T).secret_index == 1
    sign = hookseal.sign
    return [
        ("verify v1 (whsec_)", lambda: hmac.verify(body, v1, now=T)),
        ("verify v1a (whpk_)", lambda: ed.verify(body, v1a, now=T)),
        ("verify v1a, [whsec_, whpk_]", lambda: mixed.verify(body, v1a, now=T)),
        ("sign v1 (whsec_)", lambda: sign("standard-webhooks", WHSEC, body, timestamp=T, id="msg_1")),
        ("sign v1a (whsk_)", lambda: sign("standard-webhooks", WHSK, body, timestamp=T, id="msg_1")),
    ]


def measure(size: int) -> Dict[str, float]:
    todo = cases(size)
    number = max(20, int(200_000 / (size + 2000)))
    best: Dict[str, float] = {}
    for _ in range(ROUNDS):
        for name, call in todo:
            us = timeit.Timer(call, timer=time.process_time).timeit(number=number) / number * 1e6
            best[name] = min(best.get(name, float("inf")), us)
    return best


def main() -> None:
    results = {size: measure(size) for size in SIZES}
    names = list(results[SIZES[0]])
    sizes = [f"{s // 1024} KiB" if s >= 1024 else f"{s} B" for s in SIZES]
    print(f"python {platform.python_version()}, hookseal {hookseal.__version__}")
    print("| case | " + " | ".join(sizes) + " |")
    print("|---|" + "---:|" * len(SIZES))
    for name in names:
        base = "sign v1 (whsec_)" if name.startswith("sign") else "verify v1 (whsec_)"
        cells = [f"{r[name]:.2f} µs ({r[name] / r[base]:.1f}×)" for r in results.values()]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if "--json" in sys.argv:
        print(json.dumps({str(s): r for s, r in results.items()}))


if __name__ == "__main__":
    main()
