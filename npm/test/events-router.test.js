// createRouter behind real servers on 127.0.0.1: Express (webhook(verifier, {store}),
// then router.express) and a Node server handing Fetch Requests to
// withWebhook(verifier, router.fetch, {store}). The routed handler runs once per
// delivery, an unrouted kind is acknowledged 200 {"received": true}, a failing handler
// releases its claim, and an off-schema payload is 400 invalid_payload without the handler.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { createRouter } from 'hookseal/events';
import { MemoryStore } from 'hookseal/stores';
import { hookseal } from './helper.js';
import { toRequest } from './node-request.js';

const { Verifier, sign } = hookseal;
const SECRET = 'whsec_router';
const verifier = new Verifier('salesos', { secrets: [SECRET] });

let n = 0;
function delivery(type, data = { id: 'deal_1', value: 82000 }) {
  const body = JSON.stringify({ id: `evt_router_${++n}`, type, created_at: '2026-03-15T14:30:00Z', data });
  return { body, headers: sign('salesos', SECRET, body) };
}

/** One app's router, the calls its handlers saw, and a switch to make them fail. */
function routed() {
  const seen = [];
  const state = { failing: false };
  const router = createRouter('salesos', { validate: true })
    .on('deal.won', (event, verified) => {
      seen.push([event.kind, event.payload.data.value, verified.eventId]);
      if (state.failing) throw new Error('the CRM is down');
    })
    .on('lead.created', (event) => {
      seen.push([event.kind]);
      return Response.json({ lead: true }, { status: 201 });
    })
    .on('lead.converted', (event) => ({ converted: event.payload.data.id }));
  return { router, seen, state };
}

function fetchServer(route) {
  return createServer(async (req, res) => {
    let response;
    try {
      response = await route(toRequest(req));
    } catch {
      response = new Response('{"error":"handler_failed"}', { status: 500 });
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(bytes);
  });
}

function expressServer(router, store) {
  const app = express();
  app.post('/hooks/salesos', webhook(verifier, { store }), router.express);
  app.use((err, req, res, next) => res.status(500).json({ error: 'handler_failed' }));
  return createServer(app);
}

for (const name of ['express', 'fetch']) {
  describe(`router.${name} behind a real ${name} server, with a memory store`, () => {
    const store = new MemoryStore();
    const { router, seen, state } = routed();
    const server = name === 'express' ? expressServer(router, store) : fetchServer(withWebhook(verifier, router.fetch, { store }));
    let url;
    before(async () => {
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      url = `http://127.0.0.1:${server.address().port}/hooks/salesos`;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    const post = async ({ body, headers }) => {
      const r = await fetch(url, { method: 'POST', body, headers });
      const text = await r.text();
      return [r.status, text ? JSON.parse(text) : null];
    };

    test('a routed kind runs its handler once (200 {"received": true}); the retry is the duplicate', async () => {
      seen.length = 0;
      const d = delivery('deal.won');
      assert.deepEqual(await post(d), [200, { received: true }]);
      assert.deepEqual(await post(d), [200, { duplicate: true }]);
      assert.deepEqual(seen, [['deal.won', 82000, `evt_router_${n}`]]);
    });

    test("the handler's Response is the answer; another value is 200 JSON", async () => {
      assert.deepEqual(await post(delivery('lead.created', {})), [201, { lead: true }]);
      assert.deepEqual(await post(delivery('lead.converted', { id: 'lead_9' })), [200, { converted: 'lead_9' }]);
    });

    test('an unrouted kind, listed or not, is acknowledged and done', async () => {
      seen.length = 0;
      for (const kind of ['user.created', 'deal.reopened']) {
        const d = delivery(kind);
        assert.deepEqual(await post(d), [200, { received: true }]);
        assert.deepEqual(await post(d), [200, { duplicate: true }]);
      }
      assert.deepEqual(seen, []);
    });

    test('a failing handler releases the claim: the retry runs it again', async () => {
      seen.length = 0;
      const d = delivery('deal.won');
      state.failing = true;
      assert.equal((await post(d))[0], 500);
      state.failing = false;
      assert.deepEqual(await post(d), [200, { received: true }]);
      assert.equal(seen.length, 2);
    });

    test('an off-schema payload is 400 invalid_payload naming the path, without the handler, and not done', async () => {
      seen.length = 0;
      const d = delivery('deal.won', { value: 'lots' });
      const [status, json] = await post(d);
      assert.equal(status, 400);
      assert.equal(json.error, 'invalid_payload');
      assert.match(json.message, /\$\.data\.value/);
      assert.ok(!json.message.includes('lots'));
      assert.equal((await post(d))[1].error, 'invalid_payload', 'released, so a fixed receiver can take the retry');
      assert.deepEqual(seen, []);
    });

    test('a forged delivery never reaches the router', async () => {
      seen.length = 0;
      const d = delivery('deal.won');
      assert.equal((await post({ body: d.body.replace('82000', '1'), headers: d.headers }))[0], 401);
      assert.deepEqual(seen, []);
    });
  });
}

describe('createRouter', () => {
  test('on() takes only the kinds the schema lists, once each', () => {
    const router = createRouter('salesos');
    assert.throws(() => router.on('deal.wom', () => {}), /not a salesos event kind/);
    router.on('deal.won', () => {});
    assert.throws(() => router.on('deal.won', () => {}), /already has a handler/);
    assert.throws(() => router.on('deal.lost'), TypeError);
  });

  test('a provider without schemas is a TypeError naming those with', () => {
    assert.throws(() => createRouter('stripe'), /stripe has no event schemas; the providers with schemas are .*salesos/);
  });

  test("another provider's delivery is a TypeError, not a silent acknowledgement", async () => {
    const saleslab = new Verifier('saleslab', { secrets: [SECRET] });
    const body = '{"event_kind":"badge.awarded","delivery_id":"d"}';
    await assert.rejects(createRouter('salesos').dispatch(saleslab.verify(body, sign('saleslab', SECRET, body))), /routes salesos deliveries, not saleslab/);
  });

  test('otherwise() gets what no on() matched; dispatch() gives what the handler returned', async () => {
    const router = createRouter('salesos')
      .on('deal.won', () => 'won')
      .otherwise((event) => `other: ${event.kind}`);
    const { body, headers } = delivery('lead.deleted');
    assert.equal(await router.dispatch(verifier.verify(body, headers)), 'other: lead.deleted');
    const won = delivery('deal.won');
    assert.equal(await router.dispatch(verifier.verify(won.body, won.headers)), 'won');
    assert.deepEqual(await createRouter('salesos').dispatch(verifier.verify(won.body, won.headers)), { received: true });
  });

  test('router.express without the webhook middleware is an error for next()', () => {
    let got;
    createRouter('salesos').express({}, {}, (e) => (got = e));
    assert.match(String(got), /after the webhook\(verifier\) middleware/);
  });
});
