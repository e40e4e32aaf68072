// npm/README.md and docs/api.md, "Typed events": the snippets' router served by a real
// Express server and a Fetch route with a store, sent a deal.won, an off-schema deal.won,
// a kind nobody routed and a tampered delivery; then the snippet that reads event()
// itself.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import { hookseal } from './helper.js';

process.env.SALESOS_SECRET ??= 'whsec_events_readme';
const logged = [];
const console = { log: (...args) => logged.push(args) };

// --- npm/README.md: the router
import express from 'express';
import { Verifier } from 'hookseal';
import { createRouter } from 'hookseal/events';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';

const verifier = new Verifier('salesos', { secrets: [process.env.SALESOS_SECRET] });
const store = new MemoryStore();
const router = createRouter('salesos', { validate: true })
  .on('deal.won', (event) => {
    console.log('won', event.payload.data.value);   // TypeScript: number | undefined
  })
  .on('lead.converted', (event) => ({ converted: event.payload.data.id }));   // answered as JSON
// Any other kind: 200 {"received": true}. An off-schema payload: 400 invalid_payload.

const app = express();
app.post('/hooks/salesos', webhook(verifier, { store }), router.express);
// Next.js, Hono, Bun, Deno:
export const POST = withWebhook(verifier, router.fetch, { store });
// --- end

// --- npm/README.md: event() itself
function receive(rawBody, headers) {
  const event = verifier.verify(rawBody, headers).event({ validate: true });
  switch (event.kind) {
    case 'deal.won':
      return `won ${event.payload.data.value}`;
    case 'deal.lost':
      return `lost ${event.payload.data.id}`;
    default:
      return `not handled: ${event.kind}`;   // a kind newer than the schema too
  }
}
// --- end

const { sign } = hookseal;
let n = 0;
function delivery(type, data) {
  const body = JSON.stringify({ id: `evt_readme_${++n}`, type, created_at: '2026-03-15T14:30:00Z', data });
  return { body, headers: sign('salesos', process.env.SALESOS_SECRET, body) };
}

async function answers(send) {
  const won = delivery('deal.won', { id: 'deal_1', value: 82000 });
  return [
    await send(won),
    await send(won),
    await send(delivery('deal.won', { value: 'a lot' })),
    await send(delivery('lead.converted', { id: 'lead_7' })),
    await send(delivery('user.created', {})),
    await send({ ...won, body: won.body.replace('82000', '1') }),
  ];
}
const EXPECTED = [
  [200, { received: true }],
  [200, { duplicate: true }],
  [400, 'invalid_payload'],
  [200, { converted: 'lead_7' }],
  [200, { received: true }],
  [401, 'signature_mismatch'],
];
const answer = async (response) => {
  const json = await response.json();
  return [response.status, json.error ?? json];
};

test('the router snippet behind Express: routed once, validated, acknowledged, forged refused', async () => {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const url = `http://127.0.0.1:${server.address().port}/hooks/salesos`;
    logged.length = 0;
    const got = await answers(async ({ body, headers }) => answer(await fetch(url, { method: 'POST', body, headers })));
    assert.deepEqual(got, EXPECTED);
    assert.deepEqual(logged, [['won', 82000]]);
  } finally {
    server.close();
  }
});

test('the router snippet as the Fetch route', async () => {
  logged.length = 0;
  // The Express test above completed its deliveries in the same store: new ids here.
  const got = await answers(async ({ body, headers }) =>
    answer(await POST(new Request('http://127.0.0.1/api/hooks/salesos', { method: 'POST', body, headers }))),
  );
  assert.deepEqual(got, EXPECTED);
  assert.deepEqual(logged, [['won', 82000]]);
});

test('the event() snippet', () => {
  const won = delivery('deal.won', { id: 'deal_1', value: 82000 });
  assert.equal(receive(won.body, won.headers), 'won 82000');
  const lost = delivery('deal.lost', { id: 'deal_2' });
  assert.equal(receive(lost.body, lost.headers), 'lost deal_2');
  const newer = delivery('deal.reopened', { id: 'deal_2' });
  assert.equal(receive(newer.body, newer.headers), 'not handled: deal.reopened');
  const bad = delivery('deal.won', { value: 'a lot' });
  assert.throws(() => receive(bad.body, bad.headers), (e) => e.code === 'invalid_payload' && e.path === '$.data.value');
});
