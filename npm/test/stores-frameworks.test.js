// The helpers' `store` option: Express and Fetch run the handler once per delivery,
// answer a duplicate 200 {"duplicate": true}, and release the claim when the handler fails.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
let n = 0;
function delivery() {
  const body = JSON.stringify({ event: 'deal.created', id: `evt_frameworks_${++n}`, tenant_id: 't' });
  return { body, headers: sign('salesbooth', SALESBOOTH_SECRET, body) };
}

describe('express webhook(verifier, {store})', () => {
  const store = new MemoryStore();
  let server;
  let base;
  let runs = 0;
  let failing = false;

  before(async () => {
    const app = express();
    app.post('/hooks', express.raw({ type: '*/*', limit: verifier.maxBody }), webhook(verifier, { store }), (req, res) => {
      runs++;
      if (failing) throw new Error('the database is down');
      res.json({ processed: req.webhook.eventId });
    });
    app.use((err, req, res, next) => res.status(500).json({ error: 'handler_failed' }));
    await new Promise((resolve) => {
      server = app.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}/hooks`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const post = async ({ body, headers }) => {
    const r = await fetch(base, { method: 'POST', body, headers });
    return [r.status, await r.json()];
  };

  test('the handler runs once; the duplicate is 200 {"duplicate": true}', async () => {
    const d = delivery();
    runs = 0;
    assert.deepEqual(await post(d), [200, { processed: `evt_frameworks_${n}` }]);
    assert.deepEqual(await post(d), [200, { duplicate: true }]);
    assert.equal(runs, 1);
  });

  test('a handler error releases the claim: the retry runs', async () => {
    const d = delivery();
    runs = 0;
    failing = true;
    assert.equal((await post(d))[0], 500);
    failing = false;
    assert.equal((await post(d))[0], 200);
    assert.deepEqual(await post(d), [200, { duplicate: true }]);
    assert.equal(runs, 2);
  });

  test('a forged delivery is refused before any claim', async () => {
    const d = delivery();
    assert.equal((await post({ body: d.body + ' ', headers: d.headers }))[0], 401);
    assert.equal((await store.claim(`salesbooth:evt_frameworks_${n}`)).outcome, 'first');
  });

  test('the store option must be a store', () => {
    assert.throws(() => webhook(verifier, { store: {} }), TypeError);
  });
});

describe('fetch withWebhook(verifier, handler, {store})', () => {
  const store = new MemoryStore();
  let runs = 0;
  let failing = false;
  const handle = withWebhook(
    verifier,
    async (event) => {
      runs++;
      if (failing) throw new Error('the database is down');
      return Response.json({ processed: event.eventId });
    },
    { store },
  );
  const post = async ({ body, headers }) => {
    const r = await handle(new Request('http://hooks.test/', { method: 'POST', body, headers }));
    return [r.status, await r.json()];
  };

  test('the handler runs once; the duplicate is 200 {"duplicate": true}', async () => {
    const d = delivery();
    runs = 0;
    assert.deepEqual(await post(d), [200, { processed: `evt_frameworks_${n}` }]);
    assert.deepEqual(await post(d), [200, { duplicate: true }]);
    assert.equal(runs, 1);
  });

  test('a handler that throws releases the claim: the retry runs', async () => {
    const d = delivery();
    runs = 0;
    failing = true;
    await assert.rejects(post(d), /database is down/);
    failing = false;
    assert.equal((await post(d))[0], 200);
    assert.equal(runs, 2);
  });
});

describe('hookseal/stores through require()', () => {
  test('the CommonJS build has every store and helper', async () => {
    const { createRequire } = await import('node:module');
    const cjs = createRequire(import.meta.url)('hookseal/stores');
    for (const name of ['MemoryStore', 'SqliteStore', 'RedisStore', 'PostgresStore', 'runOnce', 'claimThenNext']) {
      assert.equal(typeof cjs[name], 'function', name);
    }
    assert.equal((await new cjs.MemoryStore().claim('k')).outcome, 'first');
  });
});
