"""Every ```python block of python/README.md runs as written (each in a fresh namespace)."""

from __future__ import annotations

import re
import sys
import types

import pytest

from conftest import REPO

BLOCKS = re.findall(r"```python\n(.*?)```", (REPO / "python" / "README.md").read_text(), re.S)


def test_the_readme_has_snippets() -> None:
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_a_readme_snippet_runs(code: str) -> None:
    if "django" in code:
        import django
        from django.conf import settings

        if not settings.configured:
            settings.configure(ALLOWED_HOSTS=["testserver"])
            django.setup()
    # A module of its own: frameworks that read annotations (Litestar) look it up.
    module = types.ModuleType("readme_snippet")
    sys.modules[module.__name__] = module
    try:
        exec(compile(code, "python/README.md", "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
