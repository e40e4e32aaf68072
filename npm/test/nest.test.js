// hookseal/nest against real NestJS apps (Express platform) on 127.0.0.1: one created
// with { rawBody: true } (Nest's JSON parser runs, the guard verifies req.rawBody), one
// with { bodyParser: false } (the guard reads the raw body), one with Nest's defaults
// (body_already_parsed, naming the fix). Decorators applied as functions: plain JS.

import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Body, Controller, HttpCode, Module, Post, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WebhookGuard } from 'hookseal/nest';
import { MemoryStore } from 'hookseal/stores';
import { BODY, checkBound, checkOnce, checkRejections, poster, signed, verifier } from './framework-cases.js';

let runs = 0;

/** `@Post(path) @HttpCode(200) @UseGuards(guard) method(@Req() req, @Body() body)`, without decorator syntax. */
function route(cls, method, path, guard) {
  const d = Object.getOwnPropertyDescriptor(cls.prototype, method);
  for (const decorate of [Post(path), HttpCode(200), UseGuards(guard)]) decorate(cls.prototype, method, d);
  Req()(cls.prototype, method, 0);
  Body()(cls.prototype, method, 1);
}

function appModule() {
  class HooksController {
    plain(req, body) {
      return { kind: req.webhook.kind, eventId: req.webhook.eventId, parsed: body?.id ?? null };
    }

    once(req) {
      runs++;
      if (req.webhook.eventId === 'evt_fail') throw new Error('handler failed');
      return { ran: true };
    }
  }
  Controller('hooks')(HooksController);
  route(HooksController, 'plain', 'plain', new WebhookGuard(verifier));
  route(HooksController, 'once', 'once', new WebhookGuard(verifier, { store: new MemoryStore() }));
  class AppModule {}
  Module({ controllers: [HooksController] })(AppModule);
  return AppModule;
}

const apps = {};
before(async () => {
  for (const [name, options] of Object.entries({ raw: { rawBody: true }, unparsed: { bodyParser: false }, defaults: {} })) {
    const app = await NestFactory.create(appModule(), { logger: false, ...options });
    await app.listen(0, '127.0.0.1');
    apps[name] = { app, base: `http://127.0.0.1:${app.getHttpServer().address().port}` };
  }
});

after(() => Promise.all(Object.values(apps).map(({ app }) => app.close())));

const posts = Object.fromEntries(['raw', 'unparsed', 'defaults'].map((name) => [name, poster(() => apps[name].base)]));
const post = (app, ...args) => posts[app](...args);

describe('nest guard', () => {
  test('rawBody: true: the guard verifies req.rawBody, the handler still gets the parsed body', async () => {
    const r = await post('raw', '/hooks/plain', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json], [200, { kind: 'deal.created', eventId: 'evt_42', parsed: 'evt_42' }]);
  });

  test('bodyParser: false: the guard reads the raw body, up to maxBody', async () => {
    const r = await post('unparsed', '/hooks/plain', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json.eventId], [200, 'evt_42']);
    await checkBound(posts.unparsed, '/hooks/plain');
  });

  test("Nest's defaults: body_already_parsed, naming rawBody: true", async () => {
    const r = await post('defaults', '/hooks/plain', BODY, signed(BODY));
    assert.deepEqual([r.status, r.json.error], [500, 'body_already_parsed']);
    assert.match(r.json.message, /rawBody: true/);
  });

  test('a tampered body is 401, a missing signature 400, as {error, message} JSON', async () => {
    for (const app of ['raw', 'unparsed']) await checkRejections(posts[app], '/hooks/plain');
  });

  test('with a store: once, a duplicate is 200 {"duplicate": true}, a thrown handler is retried', () =>
    checkOnce(posts.raw, '/hooks/once', () => runs, 200));

  test('new WebhookGuard() without a verifier is a TypeError', () => {
    assert.throws(() => new WebhookGuard({}), TypeError);
  });
});
