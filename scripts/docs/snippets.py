#!/usr/bin/env python3
"""Every code block in the project's docs is a file CI runs.

A fenced block is preceded by a marker naming where it comes from:

    <!-- snippet: examples/express/server.js -->
    ```js
    ...
    ```

and its lines must appear, in order and contiguous, in that file (each line compared
without its indentation, blank lines ignored), so what a reader copies is what a test or
the demo runs. `<!-- snippet: command -->` marks a shell block of commands that CI itself
runs as written (the README's two set-up commands, say). A doc whose blocks a test runs
directly says so once, before its first block:

    <!-- snippets: run by python/tests/test_readme.py -->

and that test must name the doc; `<!-- snippet: run by TEST -->` says the same of one
block. A block without a marker, a marker naming a missing file, or a block that has
drifted from its file fails.

    python3 scripts/docs/snippets.py            # check every doc
    python3 scripts/docs/snippets.py FILE.md…   # check these
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ["README.md", "SECURITY.md", "docs/*.md", "docs/benchmarks/*.md", "npm/README.md",
        "python/README.md", "go/README.md", "jvm/README.md", "examples/README.md", "examples/*/README.md",
        "bindings/*/README.md", "core/vectors/README.md", "core/vectors/hostile/README.md"]
MARKER = re.compile(r"<!--\s*snippet:\s*((?:run by\s+)?\S+)\s*-->")
RUN_BY = re.compile(r"<!--\s*snippets:\s*run by\s+(\S+)\s*-->")
FENCE = re.compile(r"^(\s*)```(\S*)")


def blocks(text):
    """(line number, marker or None, lines of the block) for each fenced block of code.
    A fence without a language (```) holds output or other text, not code: skipped."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start = i
        is_code = bool(m.group(2))
        prev = next((lines[j] for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        marker = MARKER.search(prev)
        i += 1
        body = []
        while i < len(lines) and not FENCE.match(lines[i]):
            body.append(lines[i])
            i += 1
        i += 1
        if is_code:
            yield start + 1, marker.group(1) if marker else None, body


def significant(lines):
    """The lines compared: without indentation or a trailing comma (an excerpt of a JSON
    array's element ends where the file goes on), blank lines left out."""
    return [line.strip().rstrip(",") for line in lines if line.strip()]


def contains(haystack, needle):
    if not needle:
        return True
    n = len(needle)
    return any(haystack[k:k + n] == needle for k in range(len(haystack) - n + 1))


def check(doc):
    text = doc.read_text()
    name = str(doc.relative_to(ROOT))
    run_by = RUN_BY.search(text)
    if run_by:
        test = ROOT / run_by.group(1)
        if not test.is_file():
            return [f"{name}: its snippets' test {run_by.group(1)} does not exist"]
        if doc.name not in test.read_text():
            return [f"{name}: {run_by.group(1)} does not read {doc.name}"]
        return []
    problems = []
    for line, source, body in blocks(text):
        where = f"{name}:{line}"
        if source is None:
            problems.append(f"{where}: a code block without a <!-- snippet: FILE --> marker")
            continue
        if source == "command":
            continue
        if source.startswith("run by"):
            test = source.split()[-1]
            if not (ROOT / test).is_file():
                problems.append(f"{where}: its test {test} does not exist")
            elif doc.name not in (ROOT / test).read_text():
                problems.append(f"{where}: {test} does not read {doc.name}")
            continue
        path = (ROOT / source).resolve()
        if not path.is_file():
            problems.append(f"{where}: the snippet's file {source} does not exist")
            continue
        if not contains(significant(path.read_text().split("\n")), significant(body)):
            problems.append(f"{where}: the block is not (or no longer) in {source}")
    return problems


def main(argv):
    docs = [ROOT / a for a in argv] if argv else sorted(
        {p for pattern in DOCS for p in ROOT.glob(pattern)})
    problems = [p for doc in docs for p in check(doc)]
    for p in problems:
        print(p, file=sys.stderr)
    checked = sum(1 for doc in docs for _ in blocks(doc.read_text()))
    if problems:
        print(f"docs: {len(problems)} of {checked} code blocks are not files CI runs", file=sys.stderr)
        return 1
    print(f"docs: all {checked} code blocks in {len(docs)} files are files CI runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
