"""Writes docs/benchmarks/python.md from the JSON bench.py saved."""

from __future__ import annotations

import json
import sys

TEMPLATE = """# Python benchmark

`bash python/bench/run.sh` (release wheel; `python/bench/bench.py`). One run, every
implementation side by side, the cases interleaved in each of 7 rounds; each cell is the
best round in ns of CPU time (`time.process_time`, so that time the process spends
descheduled on a shared machine is not counted) per verification, and in parentheses how many times faster than the
first row of its scheme (the hand-written snippet, or the library users have today;
above 1 means faster). Bodies are JSON of exactly the size shown; headers are a `dict`
with lowercase names, as a server hands them over.

- date: {date}
- machine: {machine}; shared with other builds while it ran, so read ratios, not absolutes
- versions: {versions}

{table}

Import time of `hookseal` (fresh interpreter, fastest of 30, minus a bare start):
**{import_ms:.1f} ms** wall; `python -X importtime` puts {import_self_ms:.1f} ms on the
package itself (fastest of 15). The package imports no `typing`, `json` or
`collections.abc` at run time: `json` is imported on the first `Verified.json()`.

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
