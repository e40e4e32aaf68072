"""Two receiver processes (real HTTP servers on 127.0.0.1) sharing one store: 50
concurrent deliveries of the same event run the handler exactly once (the others are a
503 ``delivery_in_progress`` while it runs, 200 ``{"duplicate": true}`` after), and after
the receivers restart the delivery is still recognised as a duplicate."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from processes import deliver, delivery, runs, start, stop
from stores_cases import RUN, Kind, kinds, receiver_env


@pytest.mark.parametrize("kind", kinds())
def test_two_receivers_run_the_handler_once(kind: Kind, tmp_path: Path) -> None:
    runs_file = tmp_path / "runs"
    env = {**receiver_env(kind, kind.where(tmp_path)), "RUNS_FILE": str(runs_file)}
    # The memory store lives in one process: one receiver is all it can serve.
    count = 2 if kind.persistent else 1
    receivers = [start("flask", env) for _ in range(count)]
    body, headers = delivery(f"evt_{kind.name}_{RUN}")
    try:
        with ThreadPoolExecutor(50) as pool:
            replies = list(pool.map(lambda i: deliver(receivers[i % count].url, body, headers), range(50)))
        assert all(r is not None for r in replies)
        processed = [r for r in replies if r and r.status == 200 and r.json.get("processed")]
        duplicates = [r for r in replies if r and r.status == 200 and r.json == {"duplicate": True}]
        in_flight = [r for r in replies if r and r.status == 503]
        assert len(processed) == 1
        assert len(processed) + len(duplicates) + len(in_flight) == 50
        for r in in_flight:
            assert r.json["error"] == "delivery_in_progress" and int(r.headers["retry-after"]) >= 1
        assert runs(runs_file) == 1
    finally:
        for receiver in receivers:
            stop(receiver)
    if not kind.persistent:
        return
    receiver = start("flask", env)
    try:
        reply = deliver(receiver.url, body, headers)
        assert reply is not None and (reply.status, reply.json) == (200, {"duplicate": True})
        assert runs(runs_file) == 1
    finally:
        stop(receiver)
