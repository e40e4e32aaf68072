// Each helper hands its own request to a tenants config (docs/tenants.md): Koa's ctx,
// Fastify's request, Nest's and Next's req, Lambda's event; real servers on 127.0.0.1
// (Lambda: its events). Per helper: the tenant's secrets verify and the handler sees the
// tenant, another tenant's secret is 401, an unknown tenant 404.

import 'reflect-metadata';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { Controller, HttpCode, Module, Param, Post, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Fastify from 'fastify';
import Koa from 'koa';
import { webhook as fastifyWebhook } from 'hookseal/fastify';
import { webhook as koaWebhook } from 'hookseal/koa';
import { withWebhook as lambdaWebhook } from 'hookseal/lambda';
import { WebhookGuard } from 'hookseal/nest';
import { withWebhook as nextWebhook } from 'hookseal/next';
import { hookseal } from './helper.js';

const { sign } = hookseal;
const SECRETS = { acme: ['whsec_acme'], globex: ['whsec_globex'] };
const config = (tenant) => ({ scheme: 'salesbooth', tenant, secrets: (name) => SECRETS[name] ?? null });
const BODY = '{"event":"deal.created","id":"evt_t","data":{}}';

async function checkTenants(post) {
  const ok = await post('acme', 'whsec_acme');
  assert.deepEqual([ok.status, ok.json], [200, { tenant: 'acme' }]);
  assert.equal((await post('globex', 'whsec_acme')).status, 401);
  const unknown = await post('initech', 'whsec_acme');
  assert.deepEqual([unknown.status, unknown.json.error], [404, 'unknown_tenant']);
}

const poster = (base) => async (tenant, secret) => {
  const res = await fetch(`${base()}/hooks/${tenant}`, { method: 'POST', body: BODY, headers: sign('salesbooth', secret, BODY) });
  return { status: res.status, json: await res.json() };
};

describe('koa: the tenant from ctx.params-like routing', () => {
  let server;
  before(async () => {
    const app = new Koa();
    const hooks = koaWebhook(config((ctx) => ctx.path.split('/')[2]));
    app.use((ctx) =>
      hooks(ctx, async () => {
        ctx.body = { tenant: ctx.state.webhook.tenant };
      }),
    );
    await new Promise((resolve) => {
      server = app.listen(0, '127.0.0.1', resolve);
    });
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  test('acme 200, crossed 401, unknown 404', () => checkTenants(poster(() => `http://127.0.0.1:${server.address().port}`)));
});

describe('fastify: the tenant from request.params', () => {
  const app = Fastify();
  before(async () => {
    app.register(fastifyWebhook, {
      verifier: config((request) => request.params.tenant),
      url: '/hooks/:tenant',
      handler: async (request) => ({ tenant: request.webhook.tenant }),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => app.close());
  test('acme 200, crossed 401, unknown 404', () => checkTenants(poster(() => `http://127.0.0.1:${app.server.address().port}`)));
});

describe('nest: the tenant from req.params', () => {
  let app;
  before(async () => {
    class HooksController {
      receive(req) {
        return { tenant: req.webhook.tenant };
      }
    }
    Controller('hooks')(HooksController);
    const d = Object.getOwnPropertyDescriptor(HooksController.prototype, 'receive');
    const guard = new WebhookGuard(config((req) => req.params.tenant));
    for (const decorate of [Post(':tenant'), HttpCode(200), UseGuards(guard)]) decorate(HooksController.prototype, 'receive', d);
    Req()(HooksController.prototype, 'receive', 0);
    Param('tenant')(HooksController.prototype, 'receive', 1);
    class AppModule {}
    Module({ controllers: [HooksController] })(AppModule);
    app = await NestFactory.create(AppModule, { logger: false, bodyParser: false });
    await app.listen(0, '127.0.0.1');
  });
  after(() => app.close());
  test('acme 200, crossed 401, unknown 404', () => checkTenants(poster(() => `http://127.0.0.1:${app.getHttpServer().address().port}`)));
});

describe('next pages API route: the tenant from req.query', () => {
  const { apiResolver } = createRequire(import.meta.url)('next/dist/server/api-utils/node/api-resolver.js');
  const page = {
    config: { api: { bodyParser: false } },
    default: nextWebhook(config((req) => req.query.tenant), (event, req, res) => res.status(200).json({ tenant: event.tenant })),
  };
  const apiContext = { previewModeId: 'id', previewModeEncryptionKey: 'key', previewModeSigningKey: 'key', dev: false };
  let server;
  before(async () => {
    // What Next's router gives pages/api/hooks/[tenant].js: the segment in the query.
    server = createServer((req, res) => apiResolver(req, res, { tenant: req.url.split('/')[2] }, page, apiContext, false, false, req.url));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise((resolve) => server.close(resolve)));
  test('acme 200, crossed 401, unknown 404', () => checkTenants(poster(() => `http://127.0.0.1:${server.address().port}`)));
});

describe('lambda: the tenant from event.pathParameters', () => {
  const handler = lambdaWebhook(config((event) => event.pathParameters?.tenant), async (verified) => ({
    statusCode: 200,
    body: JSON.stringify({ tenant: verified.tenant }),
  }));
  const post = async (tenant, secret) => {
    const event = { version: '2.0', pathParameters: { tenant }, headers: sign('salesbooth', secret, BODY), body: BODY, isBase64Encoded: false };
    const result = await handler(event, {});
    return { status: result.statusCode, json: JSON.parse(result.body) };
  };
  test('acme 200, crossed 401, unknown 404', () => checkTenants(post));
});
