"""Writes docs/benchmarks/python.md from the JSON bench.py saved."""

from __future__ import annotations

import json
import sys

TEMPLATE = """# Python benchmark

`bash python/bench/run.sh` (release wheel; `python/bench/bench.py`). One run, every
implementation side by side, the cases interleaved in each of 7 rounds; each cell is the
best round in ns of CPU time (`time.process_time`, so that time the process spends
descheduled on a shared machine is not counted) per verification, and in parentheses
how many times faster than the first row of its scheme (the hand-written snippet, or the library users have today;
above 1 means faster). Bodies are JSON of exactly the size shown; headers are a `dict`
with lowercase names, as a server hands them over.

- date: {date}
- machine: {machine}; shared with other builds while it ran, so read ratios, not absolutes
- versions: {versions}

{table}

Import time of `hookseal`: **{import_self_ms:.1f} ms** by `python -X importtime` (the
package and what it imports, fastest of 15; most of it is `json`, which parses the
core's receive contract at import). The wall-clock difference of a fresh interpreter
with and without the import was {import_ms:.1f} ms in this run; with the machine this
loaded that figure is mostly noise.

Against the target (at least 2.5× the hand-written snippet at 1 KiB with every header
shape, never slower at any size): at 1 KiB, {shape_ratios}; the slowest of all those
cells at any size is {slowest}.

`verify` is one native call: `hookseal.Verifier` is the compiled class, and the values it
reads come out of a `dict`, pairs, Werkzeug's `EnvironHeaders`, Starlette's `Headers` or
Django's `HttpHeaders` in native code (`bindings/python/src/pick.rs`), only the names
verification needs (the envelope's are read when the envelope is asked for, so an absent
optional header costs nothing). The wheel pip picks on Python 3.10 and later is built for
3.10's stable ABI (`cp310-abi3`): it has fastcall argument passing and borrowed UTF-8,
about 0.2 µs less per call than the `cp39-abi3` wheel that Python 3.9 gets. What is left
at 1 KiB is the HMAC itself (18 SHA-256 blocks with the CPU's SHA instructions, as
OpenSSL does for the snippet), one call, and the `Verified` object. From 64 KiB up both
are bound by SHA-256 at the same speed, hence about 1.0× for SalesLab; the libraries and
the Salesbooth snippet lose more there because they decode and re-encode the body.

Notes:
- The SalesLab and Salesbooth snippets are the Python ones of their documents
  (`python/bench/snippets.py`); the Salesbooth one decodes the body as UTF-8 (it raises on
  any non-UTF-8 body) and hookseal does not.
- `standardwebhooks` and `svix` decode the body and parse it as JSON inside `verify`;
  hookseal reads the envelope only when asked (`Verified.kind` …) and parses JSON only in
  `Verified.json()`.
- `stripe.WebhookSignature.verify_header` takes the payload as `str`; the `decode()` is
  counted, as a handler has to do it.
"""


def shape_summary(ns: dict) -> dict:
    """hookseal's ratio to the snippet for every SalesLab header shape at 1 KiB, and the
    slowest ratio of any of them at any size."""
    ratios = {}
    slowest = None
    for size, cells in ns.items():
        for key, value in cells.items():
            group, name = key.split("/", 1)
            if not group.startswith("saleslab") or name != "hookseal" or "floor" in group:
                continue
            ratio = cells[f"{group}/hand-written snippet"] / value
            shape = group.split(", ", 1)[1] if ", " in group else "a dict of the delivery's headers"
            if size == "1024":
                ratios[shape] = ratio
            if slowest is None or ratio < slowest[0]:
                slowest = (ratio, shape, size)
    return {
        "shape_ratios": ", ".join(f"{r:.2f}× with {s}" for s, r in ratios.items()),
        "slowest": f"{slowest[0]:.2f}× ({slowest[1]}, {slowest[2]} B)" if slowest else "n/a",
    }


def main() -> None:
    report = json.load(open(sys.argv[1]))
    fields = {**report, **shape_summary(report["ns"]),
              "versions": ", ".join(f"{k} {v}" for k, v in report["versions"].items())}
    print(TEMPLATE.format(**fields).rstrip())


if __name__ == "__main__":
    main()
