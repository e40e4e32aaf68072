// hookseal/fastify against a real Fastify server on 127.0.0.1, with real HTTP requests:
// the raw parser on the webhook routes only, the answers, the bound, the store.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { webhook } from 'hookseal/fastify';
import { MemoryStore } from 'hookseal/stores';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const BODY = '{"event":"deal.created","id":"evt_42","tenant_id":"tenant_abc123","data":{}}';
const MIB = 1024 * 1024;

let app;
let base;
let runs = 0;

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

async function post(path, body, headers) {
  const res = await fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

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
    const r = await post('/hooks', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { kind: 'deal.created', eventId: 'evt_42', raw: true });
  });

  test('any content type is read raw on the route (a provider sending text/plain)', async () => {
    const r = await post('/hooks', BODY, { ...sign('salesbooth', SALESBOOTH_SECRET, BODY), 'content-type': 'text/plain' });
    assert.equal(r.status, 200);
  });

  test('the rest of the app keeps its JSON parser', async () => {
    const r = await post('/json', BODY, {});
    assert.deepEqual([r.status, r.json], [200, { parsed: 'evt_42' }]);
  });

  test('a tampered body is 401 signature_mismatch, as JSON from the core table', async () => {
    const r = await post('/hooks', BODY.replace('42', '43'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 401);
    assert.equal(r.json.error, 'signature_mismatch');
    assert.match(r.headers.get('content-type'), /^application\/json/);
  });

  test('a missing signature is 400 missing_signature', async () => {
    const r = await post('/hooks', BODY, {});
    assert.deepEqual([r.status, r.json.error], [400, 'missing_signature']);
  });

  test('max_body is accepted; max_body + 1 is 413, announced or chunked', async () => {
    const body = JSON.stringify({ event: 'deal.created', pad: '' });
    const full = body.replace('"pad":""', `"pad":"${'y'.repeat(MIB - body.length)}"`);
    assert.equal((await post('/hooks', full, sign('salesbooth', SALESBOOTH_SECRET, full))).status, 200);
    const big = `${full} `;
    const r = await post('/hooks', big, sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.deepEqual([r.status, r.json.error], [413, 'payload_too_large']);
    const chunked = await postChunked('/hooks', [full, ' '], sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.deepEqual([chunked.status, chunked.json.error], [413, 'payload_too_large']);
  });

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', async () => {
    runs = 0;
    const once = '{"event":"deal.created","id":"evt_once"}';
    const first = await post('/once', once, sign('salesbooth', SALESBOOTH_SECRET, once));
    assert.deepEqual([first.status, first.json], [202, { ran: true }]);
    const dup = await post('/once', once, sign('salesbooth', SALESBOOTH_SECRET, once));
    assert.deepEqual([dup.status, dup.json], [200, { duplicate: true }]);
    const failing = '{"event":"deal.created","id":"evt_fail"}';
    assert.equal((await post('/once', failing, sign('salesbooth', SALESBOOTH_SECRET, failing))).status, 500);
    assert.equal((await post('/once', failing, sign('salesbooth', SALESBOOTH_SECRET, failing))).status, 500);
    assert.equal(runs, 3);
  });

  test('the plugin without a verifier, url or handler refuses to register', async () => {
    await assert.rejects(Fastify().register(webhook, { url: '/x', handler() {} }).ready(), TypeError);
    await assert.rejects(Fastify().register(webhook, { verifier }).ready(), TypeError);
  });
});
