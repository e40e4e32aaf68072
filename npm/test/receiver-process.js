// Starting, killing and talking to receiver processes (stores-receiver.js) from a test.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after } from 'node:test';
import { hookseal, here } from './helper.js';

const children = new Set();
after(() => children.forEach((c) => c.kill('SIGKILL')));

/** A receiver process with `env` (STORE, STORE_URL, HELPER, LEASE_MS, ...). */
export async function startReceiver(env) {
  const child = spawn(process.execPath, [join(here, 'stores-receiver.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const [port] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Ends a receiver: SIGTERM, or SIGKILL for a crash. */
export async function stop({ child }, signal = 'SIGTERM') {
  children.delete(child);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill(signal);
    await once(child, 'exit');
  }
}

/** A file the receiver logs its handler runs to. */
export function runsFile() {
  return join(mkdtempSync(join(tmpdir(), 'hookseal-runs-')), 'runs');
}

/** The `start`/`end` lines of `file` for `key`, as ['start ok', 'end ok', ...]. */
export function runsOf(file, key) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.split(' ')[1] === key)
    .map((l) => `${l.split(' ')[0]} ${l.split(' ')[2]}`);
}

let n = 0;
/** A new signed Salesbooth delivery: `{body, headers, key}` (key: its idempotency key). */
export function delivery(tag) {
  const id = `evt_${tag}_${process.pid}_${Date.now()}_${++n}`;
  const body = JSON.stringify({ event: 'deal.created', id, tenant_id: 't' });
  return { body, headers: hookseal.sign('salesbooth', 'whsec_test', body), key: id };
}

/** POSTs `d` to the receiver with `mode`: `{status, retryAfter, json}`. */
export async function deliver(receiver, d, mode = 'ok', signal) {
  const r = await fetch(`${receiver.base}/hooks?mode=${mode}`, { method: 'POST', body: d.body, headers: d.headers, signal });
  return { status: r.status, retryAfter: r.headers.get('retry-after'), json: await r.json() };
}

/** Waits (bounded) until `check()` is true. */
export async function until(check, what, { tries = 200, everyMs = 25 } = {}) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
