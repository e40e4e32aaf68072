// hookseal/koa against a real Koa server on 127.0.0.1, with real HTTP requests.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Koa from 'koa';
import { webhook } from 'hookseal/koa';
import { MemoryStore } from 'hookseal/stores';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const BODY = '{"event":"deal.created","id":"evt_42","tenant_id":"tenant_abc123","data":{}}';

/** What a body parser does: reads the stream, keeps the parsed JSON (and, when asked, the raw text). */
const parser = (keep) => async (ctx, next) => {
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  const text = Buffer.concat(chunks).toString();
  ctx.request.body = JSON.parse(text);
  if (keep) ctx.request.rawBody = text;
  await next();
};

let server;
let base;
let runs = 0;

before(async () => {
  const app = new Koa();
  const plain = webhook(verifier);
  const once = webhook(verifier, { store: new MemoryStore() });
  const handler = async (ctx) => {
    ctx.body = { kind: ctx.state.webhook.kind, eventId: ctx.state.webhook.eventId };
  };
  const routes = {
    '/hooks': (ctx) => plain(ctx, () => handler(ctx)),
    '/parsed': (ctx) => parser(false)(ctx, () => plain(ctx, () => handler(ctx))),
    '/kept': (ctx) => parser(true)(ctx, () => plain(ctx, () => handler(ctx))),
    '/once': (ctx) =>
      once(ctx, async () => {
        runs++;
        if (ctx.state.webhook.eventId === 'evt_fail') throw new Error('handler failed');
        ctx.status = 202;
        ctx.body = { ran: true };
      }),
  };
  app.silent = true;
  app.use((ctx, next) => (routes[ctx.path] ? routes[ctx.path](ctx) : next()));
  await new Promise((resolve) => {
    server = app.listen(0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

async function post(path, body, headers) {
  const res = await fetch(base + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const text = await res.text();
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : text };
}

describe('koa middleware', () => {
  test('a genuine delivery reaches the next middleware as ctx.state.webhook', async () => {
    const r = await post('/hooks', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json], [200, { kind: 'deal.created', eventId: 'evt_42' }]);
  });

  test('a tampered body is 401, a missing signature 400', async () => {
    const r = await post('/hooks', BODY.replace('42', '43'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json.error], [401, 'signature_mismatch']);
    assert.equal((await post('/hooks', BODY, {})).json.error, 'missing_signature');
  });

  test('1 MiB + 1 byte is 413; exactly 1 MiB is accepted', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const r = await post('/hooks', big, sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.deepEqual([r.status, r.json.error], [413, 'payload_too_large']);
    const full = big.slice(1);
    assert.equal((await post('/hooks', full, sign('salesbooth', SALESBOOTH_SECRET, full))).status, 200);
  });

  test('a body a parser consumed is body_already_parsed, naming the fix; a kept rawBody is used', async () => {
    const r = await post('/parsed', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([r.status, r.json.error], [500, 'body_already_parsed']);
    assert.match(r.json.message, /ctx\.request\.rawBody/);
    const kept = await post('/kept', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.deepEqual([kept.status, kept.json.eventId], [200, 'evt_42']);
  });

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', async () => {
    runs = 0;
    const once = '{"event":"deal.created","id":"evt_once"}';
    assert.equal((await post('/once', once, sign('salesbooth', SALESBOOTH_SECRET, once))).status, 202);
    const dup = await post('/once', once, sign('salesbooth', SALESBOOTH_SECRET, once));
    assert.deepEqual([dup.status, dup.json], [200, { duplicate: true }]);
    const failing = '{"event":"deal.created","id":"evt_fail"}';
    assert.equal((await post('/once', failing, sign('salesbooth', SALESBOOTH_SECRET, failing))).status, 500);
    assert.equal((await post('/once', failing, sign('salesbooth', SALESBOOTH_SECRET, failing))).status, 500);
    assert.equal(runs, 3);
  });

  test('webhook() without a verifier is a TypeError', () => {
    assert.throws(() => webhook({}), TypeError);
  });
});
