// Two receiver processes (real HTTP servers on 127.0.0.1) sharing one store: 50
// concurrent deliveries of the same event run the handler exactly once (the others are
// told to retry: 503 delivery_in_progress), and after the receivers restart the
// delivery is still recognised as a duplicate.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { hookseal, here } from './helper.js';
import { STORES, run } from './stores-cases.js';

const children = new Set();
after(() => children.forEach((c) => c.kill()));

async function startReceiver(env) {
  const child = spawn(process.execPath, [join(here, 'stores-receiver.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  const [port] = await once(createInterface({ input: child.stdout }), 'line');
  return { child, url: `http://127.0.0.1:${port}/` };
}

async function stop({ child }) {
  children.delete(child);
  child.kill();
  await once(child, 'exit');
}

function runs(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
}

for (const kind of STORES) {
  describe(`two receivers sharing the ${kind.name} store`, { skip: kind.skip }, () => {
    test('50 concurrent deliveries of one event: the handler runs once, even after a restart', async () => {
      const runsFile = join(mkdtempSync(join(tmpdir(), 'hookseal-runs-')), 'runs');
      const env = { ...kind.env, RUNS_FILE: runsFile, SLOW_MS: '300' };
      // The memory store lives in one process: one receiver is all it can serve.
      const count = kind.persistent ? 2 : 1;
      const receivers = await Promise.all(Array.from({ length: count }, () => startReceiver(env)));
      const body = JSON.stringify({ event: 'deal.created', id: `evt_${kind.name}_${run}`, tenant_id: 't' });
      const headers = hookseal.sign('salesbooth', 'whsec_test', body);
      const deliver = (url, mode = 'ok') =>
        fetch(`${url}hooks?mode=${mode}`, { method: 'POST', body, headers }).then(async (r) => [r.status, await r.json()]);

      const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => deliver(receivers[i % count].url, 'slow')));
      assert.equal(replies.filter(([status, json]) => status === 200 && json.processed).length, 1);
      const told = replies.filter(([status, json]) => status === 503 && json.error === 'delivery_in_progress');
      const done = replies.filter(([status, json]) => status === 200 && json.duplicate);
      assert.equal(told.length + done.length, 49);
      assert.equal(runs(runsFile), 2); // one start and one end line
      assert.deepEqual(await deliver(receivers[0].url), [200, { duplicate: true }]);

      await Promise.all(receivers.map(stop));
      if (!kind.persistent) return;
      const restarted = await startReceiver(env);
      assert.deepEqual(await deliver(restarted.url), [200, { duplicate: true }]);
      assert.equal(runs(runsFile), 2);
      await stop(restarted);
    });
  });
}
