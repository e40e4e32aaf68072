"""A 200 MiB chunked body (no Content-Length) to the Flask, FastAPI and Django helpers,
each in a receiver process of its own behind a real server: 413 ``payload_too_large``,
and the process's resident memory grows by less than 16 MiB (the body is read with a
byte counter that stops at ``max_body + 1``)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Dict, List

import pytest

import hookseal
from processes import ASYNC_FRAMEWORKS, FRAMEWORKS, SECRET, deliver, delivery, running

MIB = 1024 * 1024
TOTAL = 200 * MIB
CHUNK = 64 * 1024


def memory(pid: int) -> Dict[str, int]:
    """VmRSS and VmHWM (the peak since the last reset) of ``pid``, in bytes."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) * 1024
    return fields


def send_chunked(port: int, headers: Dict[str, str]) -> "tuple[bytes, int]":
    """Sends up to TOTAL bytes as a chunked body, reading the answer meanwhile; returns
    the answer's first bytes and how many body bytes were sent before it came."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    sock.sendall(
        f"POST /hooks HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n{head}\r\n".encode("latin-1")
    )
    answered = threading.Event()
    sent = [0]
    chunk = f"{CHUNK:x}\r\n".encode() + b"x" * CHUNK + b"\r\n"

    def pump() -> None:
        try:
            while sent[0] < TOTAL and not answered.is_set():
                sock.sendall(chunk)
                sent[0] += CHUNK
            if not answered.is_set():
                sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed: the rest is never sent

    sender = threading.Thread(target=pump, daemon=True)
    sender.start()
    answer = b""
    try:
        while b"payload_too_large" not in answer and len(answer) < 65536:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    finally:
        answered.set()
        sender.join(timeout=60)
        sock.close()
    return answer, sent[0]


@pytest.mark.parametrize("framework", FRAMEWORKS + ASYNC_FRAMEWORKS)
def test_200_mib_chunked_body_is_413_in_bounded_memory(framework: str, tmp_path: Path) -> None:
    with running(framework, {"MAX_BODY": str(MIB)}) as receiver:
        body, headers = delivery("evt_warm")
        warm = deliver(receiver.url, body, headers)  # imports and first-request set-up done
        assert warm is not None and warm.status == 200
        before = memory(receiver.pid)["VmRSS"]
        Path(f"/proc/{receiver.pid}/clear_refs").write_text("5")  # resets VmHWM to VmRSS
        samples: List[int] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                samples.append(memory(receiver.pid)["VmRSS"])
                time.sleep(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        signed = hookseal.sign("salesbooth", SECRET, b"{}")
        answer, sent = send_chunked(int(receiver.url.split(":")[2].split("/")[0]), signed)
        stop.set()
        sampler.join()
        peak = max([memory(receiver.pid)["VmHWM"], *samples])
        growth = peak - before
        print(f"\n{framework}: 200 MiB chunked -> {answer.split(b' ', 2)[1].decode()}, "
              f"sent {sent / MIB:.1f} MiB before the answer, peak RSS growth {growth / MIB:.2f} MiB")
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert b'"error":"payload_too_large"' in answer
        assert growth < 16 * MIB
