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
package and what it imports, fastest of 15). The package imports no `typing`, `json` or
`collections.abc` at run time (`json` comes with the first `Verified.json()`). The
wall-clock difference of a fresh interpreter with and without the import was
{import_ms:.1f} ms in this run; with the machine this loaded that figure is mostly noise.

Against the target (at least 2.5× the hand-written snippet at 1 KiB, never slower):
faster at 256 B and 1 KiB; from 64 KiB up at parity with the SalesLab snippet (1.0×,
within run-to-run noise either way: an earlier run measured 0.999× at 1 MiB); 2.5× at
1 KiB is reached against the libraries, not against the two hand-written snippets.
Where the time goes at 1 KiB: the HMAC itself (18 SHA-256 blocks) is about 0.6 µs in
both, since Python's `hmac` calls OpenSSL and both use the CPU's SHA instructions. Around
it, the snippet pays for a Python `hmac.HMAC` object, the key pads it recomputes on every
call and a hex digest; hookseal pays for taking the header values out of the dict, one
call into the native module (arguments, the core's checks, the `Verified` object: about
0.45 µs measured with a token scheme that does no HMAC) and nothing else. 2.5× would put
the whole call under 0.9 µs, which the HMAC alone nearly fills. From 64 KiB up both are
bound by SHA-256 at the same speed, hence about 1.0× for SalesLab; the libraries and the
Salesbooth snippet lose more there because they decode and re-encode the body.

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


def main() -> None:
    report = json.load(open(sys.argv[1]))
    fields = {**report, "versions": ", ".join(f"{k} {v}" for k, v in report["versions"].items())}
    print(TEMPLATE.format(**fields).rstrip())


if __name__ == "__main__":
    main()
