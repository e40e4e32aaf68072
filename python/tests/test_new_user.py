"""What a new user does before the first release: pip install ./python into a fresh venv, verify."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


from conftest import REPO

SCRIPT = textwrap.dedent(
    """
    import hookseal, pathlib
    assert "site-packages" in pathlib.Path(hookseal.__file__).parts, hookseal.__file__
    assert (pathlib.Path(hookseal.__file__).parent / "py.typed").exists()
    assert (pathlib.Path(hookseal.__file__).parent / "_native.pyi").exists()
    body = b'{"event":"deal.created","tenant_id":"tenant_abc123"}'
    headers = hookseal.sign("salesbooth", "whsec_test", body, timestamp=1700000000)
    verifier = hookseal.Verifier("salesbooth", ["whsec_test"])
    event = verifier.verify(body, {k.upper(): v for k, v in headers.items()}, now=1700000100)
    assert (event.kind, event.tenant) == ("deal.created", "tenant_abc123")
    try:
        verifier.verify(body + b" ", headers, now=1700000100)
    except hookseal.SignatureMismatch as e:
        assert (e.code, e.status) == ("signature_mismatch", 401)
    else:
        raise SystemExit("a tampered body was accepted")
    print("ok", hookseal.__version__)
    """
)


def run(*args: object, **kwargs: object) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, **kwargs  # type: ignore[call-overload]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# python/README.md's command from a checkout, run as written at the repository root
# (scripts/docs/snippets.py checks that the README's block is this line). pip fetches the
# build tool, maturin, from the index and builds the wheel from the sources.
INSTALL = """
pip install ./python
"""


def test_install_from_a_checkout_into_a_fresh_venv(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    run("bash", "-c", INSTALL.strip(), cwd=REPO, env=env)

    python = venv / "bin" / "python"
    out = run(python, "-c", SCRIPT, cwd=tmp_path, env=env)
    assert out.startswith("ok ")
    # One abi3 wheel serves every CPython from 3.9 on.
    [wheel_info] = list(venv.glob("lib/python*/site-packages/hookseal-*.dist-info/WHEEL"))
    assert "Tag: cp39-abi3-" in wheel_info.read_text()
