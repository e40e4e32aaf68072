// hookseal/fastify against a real Fastify server on 127.0.0.1, with real HTTP requests:
// the raw parser on the webhook routes only, the answers, the bound, the store.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { webhook } from 'hookseal/fastify';
import { MemoryStore } from 'hookseal/stores';
import { BODY, checkBound, checkOnce, checkRejections, poster, signed, verifier } from './framework-cases.js';

let app;
let base;
let runs = 0;
const post = poster(() => base);

before(async () => {
  app = Fastify();
  // The app's own JSON route, beside the webhooks: its parser is untouched.
  app.post('/json', async (request) => ({ parsed: request.body.id }));
  app.register(webhook, {
    verifier,
    url: '/hooks',
    handler: async (request) => ({ kind: request.webhook.kind, eventId: request.webhook.eventId, raw: Buffer.isBuffer(request.body) }),
  });
  const store = new MemoryStore();
  app.register(webhook, {
    verifier,
    url: '/once',
    store,
    handler: async (request, reply) => {
      runs++;
      if (request.webhook.eventId === 'evt_fail') throw new Error('handler failed');
      return reply.code(202).send({ ran: true });
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${app.server.address().port}`;
});

after(() => app.close());

/** A chunked POST (no Content-Length), written piece by piece. */
function postChunked(path, pieces, headers) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, json: JSON.parse(text) }));
    });
    req.on('error', (e) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    for (const p of pieces) req.write(p);
    req.end();
  });
}

describe('fastify plugin', () => {
  test('a genuine delivery reaches the handler as request.webhook, with the raw bytes as body', async () => {
    const r = await post('/hooks', BODY, signed(BODY));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { kind: 'deal.created', eventId: 'evt_42', raw: true });
  });

  test('any content type is read raw on the route (a provider sending text/plain)', async () => {
    const r = await post('/hooks', BODY, { ...signed(BODY), 'content-type': 'text/plain' });
    assert.equal(r.status, 200);
  });

  test('the rest of the app keeps its JSON parser', async () => {
    const r = await post('/json', BODY, {});
    assert.deepEqual([r.status, r.json], [200, { parsed: 'evt_42' }]);
  });

  test('a tampered body is 401, a missing signature 400, as JSON from the core table', () => checkRejections(post, '/hooks'));

  test('max_body is accepted; max_body + 1 is 413, announced or chunked', async () => {
    await checkBound(post, '/hooks');
    const big = 'x'.repeat(1024 * 1024 + 1);
    const chunked = await postChunked('/hooks', [big.slice(1), ' '], signed(big));
    assert.deepEqual([chunked.status, chunked.json.error], [413, 'payload_too_large']);
  });

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', () =>
    checkOnce(post, '/once', () => runs, 202));

  test('the plugin without a verifier, url or handler refuses to register', async () => {
    await assert.rejects(Fastify().register(webhook, { url: '/x', handler() {} }).ready(), TypeError);
    await assert.rejects(Fastify().register(webhook, { verifier }).ready(), TypeError);
  });
});
