// A receiver killed inside its handler costs one lease, never the event; a retry while
// an attempt runs is told to come back (503 + Retry-After); a failed or 429 attempt
// releases its claim, so the retry runs the handler. Real receiver processes (Express,
// the Fetch helper under Node's http server, Fastify, Koa), real stores, SIGKILL.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STORES, sleep } from './stores-cases.js';
import { deliver, delivery, runsFile, runsOf, startReceiver, stop, until } from './receiver-process.js';

const LEASE_MS = 2000;

for (const kind of STORES.filter((s) => s.persistent)) {
  for (const helper of ['express', 'fetch', 'fastify', 'koa']) {
    describe(`${helper} receiver with the ${kind.name} store`, { skip: kind.skip }, () => {
      const env = () => ({ ...kind.env, HELPER: helper, LEASE_MS: String(LEASE_MS), RUNS_FILE: runsFile() });

      test('SIGKILL inside the handler: 503 within the lease, the handler runs after it, then duplicates', async () => {
        const e = env();
        const d = delivery(`crash_${kind.name}_${helper}`);
        const first = await startReceiver(e);
        const hung = deliver(first, d, 'hang').catch(() => 'connection lost');
        await until(() => runsOf(e.RUNS_FILE, d.key).length === 1, 'the handler to start');
        await stop(first, 'SIGKILL');
        assert.equal(await hung, 'connection lost');

        const second = await startReceiver(e);
        const early = await deliver(second, d);
        assert.equal(early.status, 503);
        assert.equal(early.json.error, 'delivery_in_progress');
        assert.ok(Number(early.retryAfter) >= 1 && Number(early.retryAfter) <= LEASE_MS / 1000, early.retryAfter);
        assert.deepEqual(runsOf(e.RUNS_FILE, d.key), ['start hang']);

        await sleep(LEASE_MS + 200);
        const retry = await deliver(second, d);
        assert.equal(retry.status, 200);
        assert.deepEqual(retry.json, { processed: d.key });
        assert.deepEqual(runsOf(e.RUNS_FILE, d.key), ['start hang', 'start ok', 'end ok']);
        assert.deepEqual((await deliver(second, d)).json, { duplicate: true });
        await stop(second);
      });

      test('a retry while the first attempt runs is 503; the attempt fails; the next retry runs', async () => {
        const e = env();
        const d = delivery(`inflight_${kind.name}_${helper}`);
        const r = await startReceiver(e);
        const slow = deliver(r, d, 'slowfail');
        await until(() => runsOf(e.RUNS_FILE, d.key).length === 1, 'the handler to start');
        const busy = await deliver(r, d);
        assert.equal(busy.status, 503);
        assert.equal(busy.json.error, 'delivery_in_progress');
        assert.ok(Number(busy.retryAfter) >= 1);
        assert.equal((await slow).status, 500);
        const retry = await deliver(r, d);
        assert.equal(retry.status, 200);
        assert.deepEqual(runsOf(e.RUNS_FILE, d.key), ['start slowfail', 'start ok', 'end ok']);
        await stop(r);
      });

      test('a 429 from the handler releases the claim: the retry runs the handler', async () => {
        const e = env();
        const d = delivery(`429_${kind.name}_${helper}`);
        const r = await startReceiver(e);
        assert.equal((await deliver(r, d, '429')).status, 429);
        assert.equal((await deliver(r, d)).status, 200);
        assert.deepEqual((await deliver(r, d)).json, { duplicate: true });
        assert.deepEqual(runsOf(e.RUNS_FILE, d.key), ['start 429', 'end 429', 'start ok', 'end ok']);
        await stop(r);
      });

      test('the provider giving up (a client disconnect) does not release while the handler runs', async () => {
        const e = { ...env(), SLOW_MS: '800' };
        const d = delivery(`disconnect_${kind.name}_${helper}`);
        const r = await startReceiver(e);
        const abort = new AbortController();
        const gaveUp = deliver(r, d, 'slow', abort.signal).catch(() => 'aborted');
        await until(() => runsOf(e.RUNS_FILE, d.key).length === 1, 'the handler to start');
        abort.abort();
        assert.equal(await gaveUp, 'aborted');
        assert.equal((await deliver(r, d)).status, 503, 'the handler still runs');
        await until(() => runsOf(e.RUNS_FILE, d.key).length === 2, 'the handler to end');
        await until(async () => (await deliver(r, d)).json.duplicate === true, 'the claim to complete');
        assert.deepEqual(runsOf(e.RUNS_FILE, d.key), ['start slow', 'end slow']);
        await stop(r);
      });
    });
  }
}
