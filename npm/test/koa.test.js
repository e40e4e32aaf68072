// hookseal/koa against a real Koa server on 127.0.0.1, with real HTTP requests.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Koa from 'koa';
import { webhook } from 'hookseal/koa';
import { MemoryStore } from 'hookseal/stores';
import { BODY, checkBound, checkOnce, checkRejections, poster, signed, verifier } from './framework-cases.js';

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
let runs = 0;
const post = poster(() => `http://127.0.0.1:${server.address().port}`);

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
});

after(() => new Promise((resolve) => server.close(resolve)));

describe('koa middleware', () => {
  test('a genuine delivery reaches the next middleware as ctx.state.webhook', async () => {
    const r = await post('/hooks', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json], [200, { kind: 'deal.created', eventId: 'evt_42' }]);
  });

  test('a tampered body is 401, a missing signature 400', () => checkRejections(post, '/hooks'));

  test('1 MiB + 1 byte is 413; exactly 1 MiB is accepted', () => checkBound(post, '/hooks'));

  test('a body a parser consumed is body_already_parsed, naming the fix; a kept rawBody is used', async () => {
    const r = await post('/parsed', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json.error], [500, 'body_already_parsed']);
    assert.match(r.json.message, /ctx\.request\.rawBody/);
    const kept = await post('/kept', BODY, signed(BODY));
    assert.deepEqual([kept.status, kept.json.eventId], [200, 'evt_42']);
  });

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', () =>
    checkOnce(post, '/once', () => runs, 202));

  test('webhook() without a verifier is a TypeError', () => {
    assert.throws(() => webhook({}), TypeError);
  });
});
