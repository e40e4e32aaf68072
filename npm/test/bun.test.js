// The Fetch helper under Bun.serve: npm's `bun` (a devDependency) runs test/bun/serve.mjs,
// a real Bun server on 127.0.0.1, and this file sends it signed deliveries over HTTP.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { hookseal, here, SALESBOOTH_SECRET } from './helper.js';

const { sign } = hookseal;
const bun = join(here, '..', 'node_modules', '.bin', 'bun');
const probe = spawnSync(bun, ['--version'], { encoding: 'utf8' });
const skip = probe.status !== 0 && `the bun binary does not run here (${probe.error?.code ?? probe.stderr.trim()}): npm ci installs it with the bun package`;

const BODY = '{"event":"deal.created","id":"evt_bun","tenant_id":"t_1","data":{}}';
let child;
let base;

before(async () => {
  if (skip) return;
  child = spawn(bun, [join(here, 'bun', 'serve.mjs')], {
    cwd: join(here, '..'),
    env: { ...process.env, SALESBOOTH_SECRET },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  base = `http://127.0.0.1:${JSON.parse(line).port}`;
});

after(async () => {
  if (!child) return;
  child.stdin.end();
  if (child.exitCode === null) await once(child, 'exit');
});

async function post(body, headers) {
  const res = await fetch(base, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, json: await res.json() };
}

describe('Bun.serve with hookseal/fetch', { skip }, () => {
  test('a genuine delivery is handled by Bun, once; its repeat is a duplicate', async () => {
    const r = await post(BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 200);
    assert.equal(r.json.kind, 'deal.created');
    assert.equal(r.json.bun, probe.stdout.trim());
    const dup = await post(BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([dup.status, dup.json], [200, { duplicate: true }]);
  });

  test('a tampered body is 401 signature_mismatch', async () => {
    const r = await post(BODY.replace('bun', 'nub'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json.error], [401, 'signature_mismatch']);
  });

  test('a missing signature is 400; 1 MiB + 1 byte is 413', async () => {
    assert.equal((await post(BODY, {})).json.error, 'missing_signature');
    const big = 'x'.repeat(1024 * 1024 + 1);
    const r = await post(big, sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.deepEqual([r.status, r.json.error], [413, 'payload_too_large']);
  });
});
