// A Redis restart in the middle of deliveries: while the server is down every delivery
// is answered 503 store_unavailable with Retry-After (never a "duplicate"); after the
// restart deliveries are processed, and nothing is answered as a duplicate without its
// handler having run. The test starts its OWN redis-server on a free port (never the
// shared one), SIGKILLs it and restarts it on the same port.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { after, describe, test } from 'node:test';
import { deliver, delivery, runsFile, runsOf, startReceiver, stop, until } from './receiver-process.js';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
const required = process.env.HOOKSEAL_STORES_REQUIRED === '1';
if (!haveRedis && required) throw new Error('redis-server is not installed (scripts/ci/stores.sh installs it)');

async function freePort() {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const dir = mkdtempSync(`${tmpdir()}/hookseal-redis-`);
let redis = null;
async function startRedis(port) {
  redis = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  await until(() => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping']).stdout?.toString().includes('PONG'), 'redis to start');
}
async function killRedis() {
  redis.kill('SIGKILL');
  await once(redis, 'exit');
  redis = null;
}
after(() => redis?.kill('SIGKILL'));

for (const helper of ['express', 'fetch']) {
  describe(`${helper} receiver, redis killed and restarted`, { skip: !haveRedis && 'redis-server is not installed' }, () => {
    test('503 store_unavailable during the outage; after it every delivery runs, none is a false duplicate', async () => {
      const port = await freePort();
      await startRedis(port);
      const e = { STORE: 'redis', STORE_URL: `redis://127.0.0.1:${port}/0`, HELPER: helper, RUNS_FILE: runsFile(), LEASE_MS: '2000' };
      const r = await startReceiver(e);
      const answers = [];
      const send = async (d) => {
        const a = await deliver(r, d);
        answers.push({ ...a, d });
        return a;
      };

      const before = delivery(`outage_before_${helper}`);
      assert.equal((await send(before)).status, 200);

      await killRedis();
      const during = delivery(`outage_during_${helper}`);
      for (let i = 0; i < 3; i++) {
        const a = await send(during);
        assert.equal(a.status, 503);
        assert.equal(a.json.error, 'store_unavailable');
        assert.equal(a.retryAfter, '5');
      }
      assert.deepEqual(runsOf(e.RUNS_FILE, during.key), []);

      await startRedis(port);
      // The client reconnects on its own: the retries of the provider get through.
      await until(async () => (await send(during)).status === 200, 'a delivery after the restart', { tries: 100, everyMs: 100 });
      const afterRestart = delivery(`outage_after_${helper}`);
      assert.equal((await send(afterRestart)).status, 200);
      assert.deepEqual((await send(afterRestart)).json, { duplicate: true });

      // Nothing was acknowledged as a duplicate without its handler having run.
      for (const a of answers.filter((x) => x.json.duplicate)) {
        assert.ok(runsOf(e.RUNS_FILE, a.d.key).includes('end ok'), `false duplicate for ${a.d.key}`);
      }
      assert.deepEqual(runsOf(e.RUNS_FILE, during.key), ['start ok', 'end ok']);
      await stop(r);
      await killRedis();
    });
  });
}
