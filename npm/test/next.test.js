// hookseal/next: Pages Router API routes run by Next's own API resolver (the function
// `next start` calls for a pages/api route: it reads `config.api.bodyParser`, parses the
// body when it is on, and adds res.status/json), on a real node:http server on 127.0.0.1.
// Not a built app (`next build` takes the better part of a minute here): the request
// path from the resolver on is Next's.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { withWebhook } from 'hookseal/next';
import { MemoryStore } from 'hookseal/stores';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { apiResolver } = createRequire(import.meta.url)('next/dist/server/api-utils/node/api-resolver.js');
const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const BODY = '{"event":"deal.created","id":"evt_42","tenant_id":"tenant_abc123","data":{}}';
let runs = 0;

const echo = withWebhook(verifier, (event, req, res) => res.status(200).json({ kind: event.kind, eventId: req.webhook.eventId }));
// Each pages/api module: its default export and its `config`.
const pages = {
  '/api/hooks': { default: echo, config: { api: { bodyParser: false } } },
  '/api/parsed': { default: echo },
  '/api/once': {
    config: { api: { bodyParser: false } },
    default: withWebhook(
      verifier,
      (event, req, res) => {
        runs++;
        if (event.eventId === 'evt_fail') throw new Error('handler failed');
        res.status(202).json({ ran: true });
      },
      { store: new MemoryStore() },
    ),
  },
};
const apiContext = { previewModeId: 'id', previewModeEncryptionKey: 'key', previewModeSigningKey: 'key', dev: false };

let server;
let base;
before(async () => {
  server = createServer((req, res) => apiResolver(req, res, {}, pages[req.url], apiContext, false, false, req.url));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

async function post(path, body, headers) {
  const res = await fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : text };
}

describe('next pages API route', () => {
  test('bodyParser: false: a genuine delivery reaches the handler', async () => {
    const r = await post('/api/hooks', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json], [200, { kind: 'deal.created', eventId: 'evt_42' }]);
  });

  test("Next's body parser on: body_already_parsed, naming config.api.bodyParser", async () => {
    const r = await post('/api/parsed', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json.error], [500, 'body_already_parsed']);
    assert.match(r.json.message, /bodyParser: false/);
  });

  test('a tampered body is 401, a missing signature 400; 1 MiB + 1 is 413, 1 MiB accepted', async () => {
    const r = await post('/api/hooks', BODY.replace('42', '43'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json.error], [401, 'signature_mismatch']);
    assert.equal((await post('/api/hooks', BODY, {})).json.error, 'missing_signature');
    const big = 'x'.repeat(1024 * 1024 + 1);
    const tooBig = await post('/api/hooks', big, sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.deepEqual([tooBig.status, tooBig.json.error], [413, 'payload_too_large']);
    const full = big.slice(1);
    assert.equal((await post('/api/hooks', full, sign('salesbooth', SALESBOOTH_SECRET, full))).status, 200);
  });

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', async () => {
    runs = 0;
    const once = '{"event":"deal.created","id":"evt_once"}';
    assert.equal((await post('/api/once', once, sign('salesbooth', SALESBOOTH_SECRET, once))).status, 202);
    const dup = await post('/api/once', once, sign('salesbooth', SALESBOOTH_SECRET, once));
    assert.deepEqual([dup.status, dup.json], [200, { duplicate: true }]);
    const failing = '{"event":"deal.created","id":"evt_fail"}';
    assert.equal((await post('/api/once', failing, sign('salesbooth', SALESBOOTH_SECRET, failing))).status, 500);
    assert.equal((await post('/api/once', failing, sign('salesbooth', SALESBOOTH_SECRET, failing))).status, 500);
    assert.equal(runs, 3);
  });

  test('withWebhook without a verifier or a handler is a TypeError', () => {
    assert.throws(() => withWebhook({}, () => {}), TypeError);
    assert.throws(() => withWebhook(verifier), TypeError);
  });
});
