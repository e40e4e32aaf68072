"""Two receiver processes (real HTTP servers on 127.0.0.1) sharing one store: 50
concurrent deliveries of the same event run the handler exactly once, and after the
receivers restart the delivery is still recognised as a duplicate."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import hookseal
from stores_cases import RUN, Kind, kinds, receiver_env

RECEIVER = Path(__file__).with_name("stores_receiver.py")


def start(env: Dict[str, str]) -> Tuple["subprocess.Popen[str]", str]:
    proc = subprocess.Popen(
        [sys.executable, str(RECEIVER)], env={**os.environ, **env}, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    port = proc.stdout.readline().strip()
    assert port, "the receiver did not start"
    return proc, f"http://127.0.0.1:{port}/"


def stop(proc: "subprocess.Popen[str]") -> None:
    proc.terminate()
    proc.wait(timeout=30)


def deliver(url: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, Any]:
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read())


def runs(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


@pytest.mark.parametrize("kind", kinds())
def test_two_receivers_run_the_handler_once(kind: Kind, tmp_path: Path) -> None:
    runs_file = tmp_path / "runs"
    env = {**receiver_env(kind, kind.where(tmp_path)), "RUNS_FILE": str(runs_file)}
    # The memory store lives in one process: one receiver is all it can serve.
    count = 2 if kind.persistent else 1
    receivers = [start(env) for _ in range(count)]
    try:
        body = json.dumps({"event": "deal.created", "id": f"evt_{kind.name}_{RUN}", "tenant_id": "t"}).encode()
        headers = hookseal.sign("salesbooth", "whsec_test", body)
        with ThreadPoolExecutor(50) as pool:
            replies: List[Tuple[int, Any]] = list(
                pool.map(lambda i: deliver(receivers[i % count][1], body, headers), range(50))
            )
        assert {status for status, _ in replies} == {200}
        assert sum(1 for _, j in replies if j.get("processed")) == 1
        assert sum(1 for _, j in replies if j.get("duplicate")) == 49
        assert runs(runs_file) == 1
    finally:
        for proc, _ in receivers:
            stop(proc)
    if not kind.persistent:
        return
    proc, url = start(env)
    try:
        assert deliver(url, body, headers) == (200, {"duplicate": True})
        assert runs(runs_file) == 1
    finally:
        stop(proc)
