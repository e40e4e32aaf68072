// Secrets per tenant (docs/tenants.md): a real Express server routing /hooks/:tenant,
// the Fetch helper on Requests, and the cache itself (TTL on an injected clock, LRU bound,
// single flight, errors not cached, the tenant in the claim key).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';
import { TenantVerifiers, tenantClaimKey } from '../src/tenants.js';
import { hookseal, T0 } from './helper.js';

const { Verifier, sign } = hookseal;
const SCHEME = 'salesbooth';
const body = (id) => JSON.stringify({ event: 'deal.created', id, data: {} });

/** The app's secrets store: tenant -> list; `calls` counts the resolver's calls. */
function secretsStore(initial) {
  const db = { ...initial };
  const state = { calls: 0, fail: 0, delay: 0 };
  const resolve = async (tenant) => {
    state.calls += 1;
    if (state.delay) await new Promise((r) => setTimeout(r, state.delay));
    if (state.fail > 0) {
      state.fail -= 1;
      throw new Error('secrets database down');
    }
    return db[tenant] ?? null;
  };
  return { db, state, resolve };
}

describe('express: two tenants on /hooks/:tenant', () => {
  let server;
  let base;
  let t = T0;
  const clock = () => t;
  const store = secretsStore({ acme: ['whsec_acme_1'], globex: ['whsec_globex_1'] });
  const claims = new MemoryStore();

  before(async () => {
    const app = express();
    const config = {
      scheme: SCHEME,
      tenant: (req) => req.params.tenant,
      secrets: store.resolve,
      tenantCache: { max: 10, ttl: 60 },
    };
    const handler = (req, res) => res.json({ tenant: req.webhook.tenant, id: req.webhook.eventId });
    app.post('/hooks/:tenant', webhook(config, { now: clock }), handler);
    app.post('/once/:tenant', webhook(config, { now: clock, store: claims }), handler);
    await new Promise((resolve) => {
      server = app.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  async function post(path, secret, id = 'evt_1') {
    const b = body(id);
    const res = await fetch(base + path, { method: 'POST', body: b, headers: sign(SCHEME, secret, b, { timestamp: t }) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json: await res.json() };
  }

  test("each tenant's delivery verifies with its own secrets, and the handler sees the tenant", async () => {
    assert.deepEqual((await post('/hooks/acme', 'whsec_acme_1')).json, { tenant: 'acme', id: 'evt_1' });
    assert.deepEqual((await post('/hooks/globex', 'whsec_globex_1')).json, { tenant: 'globex', id: 'evt_1' });
    const crossed = await post('/hooks/acme', 'whsec_globex_1');
    assert.equal(crossed.status, 401);
    assert.equal(crossed.json.error, 'signature_mismatch');
  });

  test('a tenant the resolver does not know is 404 unknown_tenant', async () => {
    const r = await post('/hooks/initech', 'whsec_acme_1');
    assert.equal(r.status, 404);
    assert.equal(r.json.error, 'unknown_tenant');
    assert.equal(r.retryAfter, null);
  });

  test('a rotated secret is picked up after the TTL, without a restart', async () => {
    t = T0 + 100;
    await post('/hooks/acme', 'whsec_acme_1'); // cached at T0 + 100, for 60 s
    store.db.acme = ['whsec_acme_2'];
    assert.equal((await post('/hooks/acme', 'whsec_acme_2')).status, 401, 'within the TTL the cached secrets verify');
    t = T0 + 161;
    assert.equal((await post('/hooks/acme', 'whsec_acme_2')).status, 200, 'after it, the new secret');
    assert.equal((await post('/hooks/acme', 'whsec_acme_1')).status, 401, 'and the old one no longer');
  });

  test('a secret with notAfter retires on schedule, inside one cached verifier', async () => {
    t = T0 + 1000;
    store.db.acme = [{ secret: 'whsec_acme_2', notAfter: T0 + 1010 }, 'whsec_acme_3'];
    store.db.globex = store.db.globex.slice();
    t = T0 + 1100; // past the TTL of what was cached before: the list above is loaded
    assert.equal((await post('/hooks/acme', 'whsec_acme_3')).status, 200);
    // Retired at T0 + 1010, before the verifier was even built.
    assert.equal((await post('/hooks/acme', 'whsec_acme_2')).status, 401);
    store.db.acme = [{ secret: 'whsec_acme_2', notAfter: T0 + 1200 }, 'whsec_acme_3'];
    t = T0 + 1170;
    assert.equal((await post('/hooks/acme', 'whsec_acme_2')).status, 200, 'before notAfter');
    t = T0 + 1201; // still within the TTL of the verifier loaded at T0 + 1170
    assert.equal((await post('/hooks/acme', 'whsec_acme_2')).status, 401, 'after notAfter');
    assert.equal((await post('/hooks/acme', 'whsec_acme_3')).status, 200);
  });

  test('a resolver that fails is 503 secrets_unavailable with Retry-After, and the retry succeeds', async () => {
    t = T0 + 5000; // every cached verifier expired
    store.state.fail = 1;
    const r = await post('/hooks/globex', 'whsec_globex_1', 'evt_retry');
    assert.equal(r.status, 503);
    assert.equal(r.json.error, 'secrets_unavailable');
    assert.equal(r.retryAfter, '5');
    assert.doesNotMatch(JSON.stringify(r.json), /database/, 'the resolver error is not in the answer');
    const retry = await post('/hooks/globex', 'whsec_globex_1', 'evt_retry');
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.json, { tenant: 'globex', id: 'evt_retry' });
  });

  test('concurrent misses for one tenant share one resolver call', async () => {
    t = T0 + 9000;
    store.state.delay = 50;
    const before = store.state.calls;
    const all = await Promise.all(Array.from({ length: 8 }, () => post('/hooks/globex', 'whsec_globex_1')));
    store.state.delay = 0;
    assert.deepEqual(all.map((r) => r.status), Array(8).fill(200));
    assert.equal(store.state.calls - before, 1);
  });

  test('the tenant is part of the claim key: one event id, two tenants, both processed', async () => {
    t = T0 + 20000;
    store.db.acme = ['whsec_acme_9'];
    const a = await post('/once/acme', 'whsec_acme_9', 'evt_same');
    const g = await post('/once/globex', 'whsec_globex_1', 'evt_same');
    assert.deepEqual([a.status, g.status], [200, 200]);
    assert.equal(a.json.tenant, 'acme');
    const again = await post('/once/acme', 'whsec_acme_9', 'evt_same');
    assert.deepEqual(again.json, { duplicate: true });
  });
});

describe('fetch helper: tenants from the URL', () => {
  const store = secretsStore({ acme: ['whsec_acme_1'] });
  // No `Verifier` in the config: in Node the `hookseal` entry's class is the default.
  const handle = withWebhook(
    {
      scheme: SCHEME,
      tenant: (request) => new URL(request.url).pathname.split('/')[2],
      secrets: store.resolve,
    },
    (event) => Response.json({ tenant: event.tenant, kind: event.kind }),
  );
  const request = (tenant, secret) => {
    const b = body('evt_f');
    return new Request(`http://receiver.test/hooks/${tenant}`, { method: 'POST', body: b, headers: sign(SCHEME, secret, b) });
  };

  test('200 with the tenant, 404 unknown, 503 then 200', async () => {
    const ok = await handle(request('acme', 'whsec_acme_1'));
    assert.deepEqual(await ok.json(), { tenant: 'acme', kind: 'deal.created' });
    assert.equal((await handle(request('nobody', 'whsec_acme_1'))).status, 404);
    store.state.fail = 1;
    const down = await handle(request('other', 'whsec_acme_1'));
    assert.equal(down.status, 503);
    assert.equal(down.headers.get('retry-after'), '5');
    store.db.other = ['whsec_acme_1'];
    assert.equal((await handle(request('other', 'whsec_acme_1'))).status, 200);
  });

  test('a tenant function that names nothing is 404 unknown_tenant, without a resolver call', async () => {
    const calls = store.state.calls;
    const r = await handle(new Request('http://receiver.test/', { method: 'POST', body: '{}' }));
    assert.equal(r.status, 404);
    assert.equal((await r.json()).error, 'unknown_tenant');
    assert.equal(store.state.calls, calls);
  });

  test('an explicit Verifier class (an edge runtime: hookseal/wasm\'s) builds the verifiers', async () => {
    let built = 0;
    class Counting extends Verifier {
      constructor(...args) {
        super(...args);
        built += 1;
      }
    }
    const h = withWebhook({ Verifier: Counting, scheme: SCHEME, tenant: () => 'acme', secrets: store.resolve }, (event) =>
      Response.json({ tenant: event.tenant }),
    );
    assert.deepEqual(await (await h(request('acme', 'whsec_acme_1'))).json(), { tenant: 'acme' });
    assert.equal(built, 1);
  });

  test('secrets the core refuses are 500 invalid_secret, not cached', async () => {
    store.db.bad = [' whsec_padded\n'];
    const r = await handle(request('bad', 'whsec_acme_1'));
    assert.equal(r.status, 500);
    assert.equal((await r.json()).error, 'invalid_secret');
    store.db.bad = ['whsec_acme_1'];
    assert.equal((await handle(request('bad', 'whsec_acme_1'))).status, 200);
  });
});

describe('the cache', () => {
  test('bounded: the least recently used tenant is evicted first', async () => {
    let calls = [];
    const cache = new TenantVerifiers(
      { scheme: SCHEME, tenant: () => '', secrets: (t) => (calls.push(t), ['whsec_x']), tenantCache: { max: 2, ttl: 300 } },
      Verifier,
      () => T0,
    );
    await cache.get('a', []);
    await cache.get('b', []);
    cache.get('a', []); // a used again: b is now the oldest
    await cache.get('c', []);
    assert.equal(cache.size, 2);
    calls = [];
    assert.ok(cache.get('a', []) instanceof Verifier, 'a is a synchronous hit');
    await cache.get('b', []);
    assert.deepEqual(calls, ['b']);
  });

  test('defaults from the contract: 1000 tenants, 300 s', () => {
    const { tenants } = hookseal.receiveContract();
    assert.equal(tenants.max, 1000);
    assert.equal(tenants.ttl_seconds, 300);
  });

  test('a bad tenants config is a TypeError', () => {
    assert.throws(() => webhook({ scheme: SCHEME, secrets: () => [] }), TypeError);
    assert.throws(() => webhook({ scheme: SCHEME, tenant: () => 'a', secrets: () => [], tenantCache: { max: 0 } }), TypeError);
  });

  test('the claim key escapes the tenant (% first) and keeps $ patterns as text', () => {
    assert.equal(tenantClaimKey('saleslab', 'a/b:c%2F', 'evt_1'), 'saleslab/a%2Fb%3Ac%252F:evt_1');
    assert.equal(tenantClaimKey('saleslab', 't', "$&$'"), "saleslab/t:$&$'");
  });
});
