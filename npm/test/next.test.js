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
import { BODY, checkBound, checkOnce, checkRejections, poster, signed, verifier } from './framework-cases.js';

const { apiResolver } = createRequire(import.meta.url)('next/dist/server/api-utils/node/api-resolver.js');
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
const post = poster(() => `http://127.0.0.1:${server.address().port}`);
before(async () => {
  server = createServer((req, res) => apiResolver(req, res, {}, pages[req.url], apiContext, false, false, req.url));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(() => new Promise((resolve) => server.close(resolve)));

describe('next pages API route', () => {
  test('bodyParser: false: a genuine delivery reaches the handler', async () => {
    const r = await post('/api/hooks', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json], [200, { kind: 'deal.created', eventId: 'evt_42' }]);
  });

  test("Next's body parser on: body_already_parsed, naming config.api.bodyParser", async () => {
    const r = await post('/api/parsed', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json.error], [500, 'body_already_parsed']);
    assert.match(r.json.message, /bodyParser: false/);
  });

  test('a tampered body is 401, a missing signature 400', () => checkRejections(post, '/api/hooks'));

  test('1 MiB + 1 byte is 413; exactly 1 MiB is accepted', () => checkBound(post, '/api/hooks'));

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', () =>
    checkOnce(post, '/api/once', () => runs, 202));

  test('withWebhook without a verifier or a handler is a TypeError', () => {
    assert.throws(() => withWebhook({}, () => {}), TypeError);
    assert.throws(() => withWebhook(verifier), TypeError);
  });
});
