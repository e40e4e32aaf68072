"""Every ```python block of docs/tenants.md and docs/metrics.md (the Python sections)
that is marked as run by this test runs as written, each in a fresh module."""

from __future__ import annotations

import re
import sys
import types
from typing import List, Tuple

import pytest

from conftest import REPO

DOCS = ["docs/tenants.md", "docs/metrics.md"]
MARK = "<!-- snippet: run by python/tests/test_docs_python.py -->"


def blocks() -> List[Tuple[str, str]]:
    found = []
    for doc in DOCS:
        text = (REPO / doc).read_text()
        for i, code in enumerate(re.findall(re.escape(MARK) + r"\s*```python\n(.*?)```", text, re.S)):
            found.append((f"{doc}#{i}", code))
    return found


BLOCKS = blocks()


def test_each_doc_has_a_block() -> None:
    assert {name.split("#")[0] for name, _ in BLOCKS} == set(DOCS)


@pytest.mark.parametrize("name,code", BLOCKS, ids=[name for name, _ in BLOCKS])
def test_a_doc_block_runs(name: str, code: str) -> None:
    module = types.ModuleType("doc_snippet")
    sys.modules[module.__name__] = module
    try:
        exec(compile(code, name, "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
