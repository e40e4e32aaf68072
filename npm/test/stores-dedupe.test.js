// runOnce and claimThenNext: what the Express and Fetch helpers do with a store.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { MemoryStore } from 'hookseal/stores';
import { claimKey, claimThenNext, runOnce } from 'hookseal/stores';

const event = (id) => ({ scheme: 'salesos', idempotencyKey: id });

describe('runOnce', () => {
  test('the handler runs for the first delivery only', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const how = { handler: () => ++runs && { status: 204 }, answer: (a) => a };
    assert.deepEqual(await runOnce(store, event('evt_1'), how), { status: 204 });
    const dup = await runOnce(store, event('evt_1'), how);
    assert.equal(dup.status, 200);
    assert.deepEqual(JSON.parse(dup.body), { duplicate: true });
    assert.equal(runs, 1);
    assert.equal(claimKey(event('evt_1')), 'salesos:evt_1');
  });

  test('a handler that throws releases the claim, and the error goes on', async () => {
    const store = new MemoryStore();
    const boom = { handler: () => Promise.reject(new Error('boom')), answer: (a) => a };
    await assert.rejects(runOnce(store, event('evt_2'), boom), /boom/);
    assert.equal((await store.claim('salesos:evt_2')).outcome, 'first');
  });

  test('only a 2xx completes: 3xx, 4xx (429 included) and 5xx release', async () => {
    const store = new MemoryStore();
    for (const status of [301, 400, 422, 429, 500, 503]) {
      await runOnce(store, event(`evt_${status}`), { handler: () => ({ status }), answer: (a) => a });
      assert.equal((await store.claim(`salesos:evt_${status}`)).outcome, 'first', String(status));
    }
    await runOnce(store, event('evt_201'), { handler: () => ({ status: 201 }), answer: (a) => a });
    assert.equal((await store.claim('salesos:evt_201')).outcome, 'done');
  });

  test('in flight: 503 delivery_in_progress with Retry-After; a store error: 503 store_unavailable', async () => {
    const store = new MemoryStore();
    await store.claim('salesos:evt_busy', 30_000);
    const busy = await runOnce(store, event('evt_busy'), { handler: () => assert.fail('ran'), answer: (a) => a });
    assert.equal(busy.status, 503);
    assert.equal(busy.headers['retry-after'], '30');
    assert.equal(JSON.parse(busy.body).error, 'delivery_in_progress');
    const down = { claim: () => Promise.reject(new Error('down')), complete: async () => {}, release: async () => {} };
    const failed = await runOnce(down, event('evt_down'), { handler: () => assert.fail('ran'), answer: (a) => a });
    assert.equal(failed.status, 503);
    assert.equal(failed.headers['retry-after'], '5');
    assert.equal(JSON.parse(failed.body).error, 'store_unavailable');
  });

  test('an empty idempotency key is never claimed', async () => {
    assert.equal(claimKey(event('')), null);
    let runs = 0;
    const store = { claim: () => assert.fail('claimed'), complete: async () => {}, release: async () => {} };
    await runOnce(store, event(''), { handler: () => ++runs, answer: (a) => a });
    assert.equal(runs, 1);
  });
});

describe('claimThenNext (connect style)', () => {
  async function server(store, handler) {
    const s = createServer((req, res) => {
      const fail = (e) => {
        res.statusCode = 500;
        res.end(String(e));
      };
      claimThenNext(store, event(req.url.slice(1)), {}, res, (err) => (err ? fail(err) : handler(req, res)));
    });
    s.listen(0, '127.0.0.1');
    await once(s, 'listening');
    return { base: `http://127.0.0.1:${s.address().port}/`, close: () => s.close() };
  }

  test('a duplicate is answered 200 {"duplicate":true} without the handler', async () => {
    let runs = 0;
    const { base, close } = await server(new MemoryStore(), (req, res) => {
      runs++;
      res.end('done');
    });
    assert.equal(await (await fetch(base + 'a')).text(), 'done');
    const dup = await fetch(base + 'a');
    assert.equal(dup.status, 200);
    assert.deepEqual(await dup.json(), { duplicate: true });
    assert.equal(runs, 1);
    close();
  });

  test('a 5xx response releases the claim', async () => {
    const store = new MemoryStore();
    const { base, close } = await server(store, (req, res) => {
      res.statusCode = 500;
      res.end();
    });
    await fetch(base + 'b');
    assert.equal((await store.claim('salesos:b')).outcome, 'first');
    close();
  });

  test('a store that fails is 503 store_unavailable with Retry-After', async () => {
    const store = { claim: () => Promise.reject(new Error('store down')), complete: async () => {}, release: async () => {} };
    const { base, close } = await server(store, () => assert.fail('the handler ran'));
    const r = await fetch(base + 'c');
    assert.equal(r.status, 503);
    assert.equal(r.headers.get('retry-after'), '5');
    assert.equal((await r.json()).error, 'store_unavailable');
    close();
  });
});
