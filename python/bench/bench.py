"""hookseal's verify against the hand-written snippets and the libraries users have
today, side by side in one run. Not a test: it prints (and writes) a table of ns/op and
ratios. Run it with `bash python/bench/run.sh` (a release build of the wheel)."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
import timeit
from typing import Callable, Dict, List, Tuple

import standardwebhooks
import stripe
import svix

import hookseal
from shapes import header_shapes
from snippets import salesbooth_snippet, saleslab_snippet

SIZES = [256, 1024, 64 * 1024, 1024 * 1024]
ROUNDS = 7
SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def json_body(size: int) -> bytes:
    """A JSON body of exactly `size` bytes (ASCII: some snippets decode it as UTF-8)."""
    head = b'{"event":"deal.created","event_kind":"badge.awarded","id":"evt_1","pad":"'
    return head + b"x" * (size - len(head) - 2) + b'"}'


def delivery(scheme: str, secret: str, body: bytes, **extra: str) -> Dict[str, str]:
    """The headers a server hands the handler: lowercase, with the usual others."""
    headers = {
        "host": "hooks.example.com",
        "user-agent": "provider-webhooks/1.0",
        "content-type": "application/json",
        "content-length": str(len(body)),
        **extra,
    }
    headers.update(hookseal.sign(scheme, secret, body, timestamp=int(time.time())))
    return headers


def cases(size: int) -> List[Tuple[str, str, Callable[[], object]]]:
    """(group, name, call): each group compares hookseal with what users have."""
    body = json_body(size)
    out: List[Tuple[str, str, Callable[[], object]]] = []

    lab = delivery("saleslab", "sl_secret", body, **{
        "x-saleslab-event": "badge.awarded", "x-saleslab-delivery-id": "badge.awarded:d_1"})
    lab_v = hookseal.Verifier("saleslab", ["sl_secret"])
    assert saleslab_snippet(b"sl_secret", body, lab)
    out.append(("saleslab", "hand-written snippet", lambda: saleslab_snippet(b"sl_secret", body, lab)))
    out.append(("saleslab", "hookseal", lambda: lab_v.verify(body, lab)))

    # The header objects the frameworks hand a handler, each against the snippet reading
    # the same object (pairs: the snippet reads the dict they came from).
    for shape, headers in header_shapes(lab).items():
        snippet_headers = lab if isinstance(headers, list) else headers
        assert saleslab_snippet(b"sl_secret", body, snippet_headers)
        group = f"saleslab, {shape}"
        out.append((group, "hand-written snippet",
                    lambda h=snippet_headers: saleslab_snippet(b"sl_secret", body, h)))
        out.append((group, "hookseal", lambda h=headers: lab_v.verify(body, h)))

    booth = delivery("salesbooth", "whsec_test", body)
    booth_v = hookseal.Verifier("salesbooth", ["whsec_test"])
    assert salesbooth_snippet("whsec_test", body, booth)
    out.append(("salesbooth", "hand-written snippet", lambda: salesbooth_snippet("whsec_test", body, booth)))
    out.append(("salesbooth", "hookseal", lambda: booth_v.verify(body, booth)))

    sw = delivery("standard-webhooks", SW_SECRET, body)
    sw_v = hookseal.Verifier("standard-webhooks", [SW_SECRET])
    sw_lib = standardwebhooks.Webhook(SW_SECRET)
    svix_lib = svix.Webhook(SW_SECRET)
    sw_lib.verify(body, sw)
    svix_lib.verify(body, sw)
    out.append(("standard-webhooks", "standardwebhooks", lambda: sw_lib.verify(body, sw)))
    out.append(("standard-webhooks", "svix", lambda: svix_lib.verify(body, sw)))
    out.append(("standard-webhooks", "hookseal", lambda: sw_v.verify(body, sw)))

    st = delivery("stripe", "whsec_stripe", body)
    st_v = hookseal.Verifier("stripe", ["whsec_stripe"])
    verify_header = stripe.WebhookSignature.verify_header
    header = st["stripe-signature"]
    verify_header(body.decode(), header, "whsec_stripe", 300)
    out.append(("stripe", "stripe.WebhookSignature", lambda: verify_header(body.decode(), header, "whsec_stripe", 300)))
    out.append(("stripe", "hookseal", lambda: st_v.verify(body, st)))
    return out


def measure(size: int) -> Dict[Tuple[str, str], float]:
    """CPU ns/op per case: the best of ROUNDS rounds, the cases interleaved in each round so
    that load on the machine falls on all of them alike."""
    todo = cases(size)
    number = max(20, int(2_000_000 / (size + 2000)))
    best: Dict[Tuple[str, str], float] = {}
    for _ in range(ROUNDS):
        for group, name, call in todo:
            # CPU time of this process: the machine is shared, and wall time would
            # count the moments other processes hold the CPU.
            ns = timeit.Timer(call, timer=time.process_time).timeit(number=number) / number * 1e9
            key = (group, name)
            best[key] = min(best.get(key, float("inf")), ns)
    return best


def import_time_ms() -> float:
    """Wall time of `import hookseal` in a fresh interpreter, minus a bare start: the
    fastest of 30 each, as the machine is shared (a median picks up other load)."""
    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(30))
    full = min(run("import hookseal") for _ in range(30))
    return (full - bare) * 1000


def import_time_self_ms() -> float:
    """`python -X importtime`: cumulative time of the hookseal package, fastest of 15."""
    def once() -> float:
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import hookseal"],
            check=True, capture_output=True, text=True,
        ).stderr
        for line in out.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "hookseal":
                return int(parts[1]) / 1000
        return float("nan")

    return min(once() for _ in range(15))


def size_name(size: int) -> str:
    return f"{size // 1024} KiB" if size >= 1024 and size < 1 << 20 else ("1 MiB" if size == 1 << 20 else f"{size} B")


def table(results: Dict[int, Dict[Tuple[str, str], float]]) -> str:
    lines = [
        "| scheme | implementation | " + " | ".join(size_name(s) for s in SIZES) + " |",
        "|---|---|" + "---:|" * len(SIZES),
    ]
    groups = list(dict.fromkeys(g for g, _ in results[SIZES[0]]))
    for group in groups:
        names = [n for g, n in results[SIZES[0]] if g == group]
        base_name = names[0]
        for name in names:
            cells = []
            for size in SIZES:
                ns = results[size][(group, name)]
                ratio = results[size][(group, base_name)] / ns
                cells.append(f"{ns:,.0f} ns ({ratio:.2f}×)")
            lines.append(f"| {group} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    model = next(
        (l.split(":", 1)[1].strip() for l in subprocess.run(
            ["lscpu"], capture_output=True, text=True).stdout.splitlines() if l.startswith("Model name")),
        platform.processor(),
    )
    return f"{os.cpu_count()} CPUs (`nproc` {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}), {model}"


def main() -> None:
    results = {size: measure(size) for size in SIZES}
    versions = {
        "python": platform.python_version(),
        "hookseal": hookseal.__version__,
        "standardwebhooks": getattr(standardwebhooks, "__version__", "1.1.0"),
        "svix": getattr(svix, "__version__", "?"),
        "stripe": getattr(stripe, "VERSION", "?"),
    }
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "versions": versions,
        "table": table(results),
        "import_ms": import_time_ms(),
        "import_self_ms": import_time_self_ms(),
        "ns": {str(s): {f"{g}/{n}": v for (g, n), v in r.items()} for s, r in results.items()},
    }
    print(json.dumps(report, indent=1) if "--json" in sys.argv else report["table"])
    if "--json" not in sys.argv:
        print(f"import hookseal: {report['import_ms']:.1f} ms wall, {report['import_self_ms']:.1f} ms by -X importtime")
    out = os.environ.get("BENCH_JSON")
    if out:
        with open(out, "w") as f:
            json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
