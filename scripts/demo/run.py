#!/usr/bin/env python3
"""The hookseal demo: every receiver x every seed provider x every case -> HTTP status.

Builds the `hookseal` command and every receiver (`hookseal listen --providers` and each
example's `demo-receiver.sh`), starts each on a free port on 127.0.0.1, sends every
provider's deliveries with `hookseal send` the way that provider does, prints the matrix
and exits non-zero if any cell is not what docs/receiving.md says it should be. A
receiver that cannot be built is a failure, never a skip. Every process it starts is
stopped on the way out, failures and Ctrl-C included.

    bash scripts/demo.sh                               # every receiver
    DEMO_RECEIVERS="listen express" bash scripts/demo.sh
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = TARGET / "debug" / "hookseal"

# The providers' secrets, under the names each example reads from its environment.
SECRETS = {
    "saleslab": ("SALESLAB_SIGNING_SECRET", "sl_demo_signing_secret"),
    "salesos": ("SALESOS_WEBHOOK_SECRET", "whsec_salesos_demo"),
    "salesbooth": ("SALESBOOTH_WEBHOOK_SECRET", "whsec_salesbooth_demo"),
    "salescaling": ("SALESCALING_TOKEN", "sc_demo_token"),
}
PROVIDERS = list(SECRETS)
# Each case: the flag `hookseal send` takes to produce it.
CASES = {"genuine": [], "tampered": ["--tamper"], "replayed": ["--replay"],
         "stale": ["--stale=900"], "oversize": ["--oversize"]}
RECEIVERS = ["listen", "express", "fastify", "koa", "nestjs", "next-pages", "hono", "bun", "fastapi", "flask", "aiohttp", "go-nethttp", "edge-worker", "spring-boot"]



def scheme_table():
    """The core's scheme table, as the built command prints it."""
    out = subprocess.run([str(BIN), "schemes", "--json"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    return {row["id"]: row for row in json.loads(out)}


def expected(provider, case, schemes):
    """The answer docs/receiving.md gives each cell."""
    if case == "stale":
        # A scheme that signs no timestamp cannot tell a stale delivery from a fresh one
        # (a replay of one is caught by de-duplication instead).
        return "400" if schemes[provider]["timestamped"] else "200*"
    return {"genuine": "200", "tampered": "401", "replayed": "200 dup", "oversize": "413"}[case]


def say(text):
    print(text, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, name, log, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"demo: {name} did not start on port {port}; its log:\n{log.read_text()}")


def run_logged(cmd, log, what):
    """Runs a build step with its output in `log`, saying how long it took."""
    start = time.monotonic()
    say(f"  {what} …")
    with open(log, "w") as out:
        status = subprocess.call(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    if status != 0:
        raise SystemExit(f"demo: {what} failed (exit {status}); its log:\n{log.read_text()[-4000:]}")
    say(f"  {what}: done in {time.monotonic() - start:.0f} s")


def receiver_command(name, port):
    if name == "listen":
        return [str(BIN), "listen", "--providers", "--port", str(port)]
    return ["bash", f"examples/{name}/demo-receiver.sh", "run", str(port)]


def cell(case, out):
    """The cell for one `send --json` run: the first attempt's status (of the replay, for
    "replayed", marked dup or new)."""
    try:
        report = json.loads(out.strip().splitlines()[-1])
        attempt = report["deliveries"][-1]["attempts"][0]
    except (ValueError, KeyError, IndexError):
        return "ERR"
    status = attempt.get("status")
    if status is None:
        return "ERR:" + str(attempt.get("error"))
    if case == "replayed":
        return f"{status} {'dup' if attempt.get('duplicate') else 'new'}"
    if case == "stale" and status == 200:
        return "200*"
    return str(status)


def main():
    wanted = os.environ.get("DEMO_RECEIVERS", " ".join(RECEIVERS)).split()
    unknown = [n for n in wanted if n not in RECEIVERS]
    if not wanted:
        raise SystemExit(f"demo: DEMO_RECEIVERS names no receiver; the receivers are {RECEIVERS}")
    if unknown:
        raise SystemExit(f"demo: unknown receivers {unknown}; the receivers are {RECEIVERS}")
    for env, secret in SECRETS.values():
        os.environ[env] = secret
    for provider, (_, secret) in SECRETS.items():
        os.environ[f"HOOKSEAL_SECRET_{provider.upper()}"] = secret
    logs = Path(tempfile.mkdtemp(prefix="hookseal-demo."))
    procs = []

    def stop(*_):
        for proc in procs:
            # Each receiver leads its own process group: stop it and its children.
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        say("building the hookseal command and the receivers:")
        run_logged(["cargo", "build", "-q", "-p", "hookseal-cli"], logs / "cli.build.log",
                   "cargo build -p hookseal-cli")
        bases = {}
        for name in wanted:
            if name != "listen":
                run_logged(["bash", f"examples/{name}/demo-receiver.sh", "build"],
                           logs / f"{name}.build.log", f"build {name}")
        say("starting the receivers:")
        for name in wanted:
            port = free_port()
            log = logs / f"{name}.log"
            proc = subprocess.Popen(receiver_command(name, port), cwd=ROOT,
                                    stdout=open(log, "w"), stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            procs.append(proc)
            wait_port(port, proc, name, log)
            bases[name] = f"http://127.0.0.1:{port}"
            say(f"  {name} on {bases[name]}")
        return send_all(wanted, bases, logs, scheme_table())
    finally:
        stop()


def send_all(wanted, bases, logs, schemes):
    say(f"sending {len(wanted) * len(PROVIDERS) * len(CASES)} deliveries:")
    failures, rows = [], []
    for name in wanted:
        for provider in PROVIDERS:
            row = f"{name:<12} {provider:<12}"
            for case, flags in CASES.items():
                out = subprocess.run(
                    [str(BIN), "send", "--json", "--provider", provider,
                     "--url", f"{bases[name]}/{provider}", "--secret", SECRETS[provider][1],
                     "--time-scale", "0", *flags],
                    cwd=ROOT, capture_output=True, text=True).stdout
                got, want = cell(case, out), expected(provider, case, schemes)
                row += f" {got if got == want else got + '!=' + want:<9}"
                if got != want:
                    failures.append(f"{name} {provider} {case}: {out}")
            rows.append(row)
        say(f"  {name}: done")
    say("")
    say(f"{'receiver':<12} {'provider':<12}" + "".join(f" {c:<9}" for c in CASES))
    for row in rows:
        say(row)
    say("")
    untimed = [schemes[p]["provider"] for p in PROVIDERS if not schemes[p]["timestamped"]]
    untimed = " and ".join(filter(None, [", ".join(untimed[:-1]), untimed[-1]])) if untimed else "none"
    say("expected (docs/receiving.md): genuine 200, tampered 401, replayed 200 acknowledged as a")
    say("duplicate, stale 400, oversize 413.")
    say(f"200*: {untimed} sign no timestamp, so a stale delivery is accepted (a replay of one")
    say("is caught by de-duplication).")
    if failures:
        (logs / "failures.log").write_text("\n".join(failures))
        print(f"demo: {len(failures)} wrong cell(s); details in {logs}/failures.log", file=sys.stderr)
        return 1
    cells = len(wanted) * len(PROVIDERS) * len(CASES)
    say(f"demo: all {cells} cells as expected ({len(wanted)} receivers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
