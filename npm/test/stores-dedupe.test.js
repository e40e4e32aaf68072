// runOnce and claimThenNext: what the Express and Fetch helpers do with a store.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { MemoryStore } from '../src/stores/index.js';
import { claimKey, claimThenNext, runOnce } from '../src/stores/dedupe.js';

const event = (id) => ({ scheme: 'salesos', idempotencyKey: id });

describe('runOnce', () => {
  test('the handler runs for the first delivery only', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const how = { handler: () => ++runs && { status: 204 }, duplicate: () => 'dup' };
    assert.deepEqual(await runOnce(store, event('evt_1'), how), { status: 204 });
    assert.equal(await runOnce(store, event('evt_1'), how), 'dup');
    assert.equal(runs, 1);
    assert.equal(claimKey(event('evt_1')), 'salesos:evt_1');
  });

  test('a handler that throws releases the claim, and the error goes on', async () => {
    const store = new MemoryStore();
    const boom = { handler: () => Promise.reject(new Error('boom')), duplicate: () => 'dup' };
    await assert.rejects(runOnce(store, event('evt_2'), boom), /boom/);
    assert.equal(await store.claim('salesos:evt_2'), 'first');
  });

  test('a 5xx answer releases the claim; a 4xx keeps it', async () => {
    const store = new MemoryStore();
    await runOnce(store, event('evt_3'), { handler: () => ({ status: 503 }), duplicate: () => 'dup' });
    assert.equal(await store.claim('salesos:evt_3'), 'first');
    await runOnce(store, event('evt_4'), { handler: () => ({ status: 422 }), duplicate: () => 'dup' });
    assert.equal(await store.claim('salesos:evt_4'), 'duplicate');
  });
});

describe('claimThenNext (connect style)', () => {
  async function server(store, handler) {
    const s = createServer((req, res) => {
      const fail = (e) => {
        res.statusCode = 500;
        res.end(String(e));
      };
      claimThenNext(store, event(req.url.slice(1)), undefined, res, (err) => (err ? fail(err) : handler(req, res)));
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
    assert.equal(await store.claim('salesos:b'), 'first');
    close();
  });

  test('a store that fails passes the error to next', async () => {
    const store = { claim: () => Promise.reject(new Error('store down')), release: async () => {} };
    const { base, close } = await server(store, () => assert.fail('the handler ran'));
    const r = await fetch(base + 'c');
    assert.equal(r.status, 500);
    close();
  });
});
