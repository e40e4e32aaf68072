// A webhook receiver process for the store tests: a real HTTP server on 127.0.0.1 that
// verifies Salesbooth deliveries through a hookseal helper (HELPER=express: the Express
// middleware; HELPER=fetch: withWebhook under Node's own http server; HELPER=fastify: the
// Fastify plugin; HELPER=koa: the Koa middleware) with the store
// named by STORE (memory | sqlite | redis | postgres, at STORE_URL) and the lease
// LEASE_MS. The handler does what the request's `?mode=` says:
//   ok (default)   answers 200
//   hang           never answers (the test SIGKILLs the process inside it)
//   slow           waits SLOW_MS, then answers 200
//   slowfail       waits SLOW_MS, then throws
//   429            answers 429 with Retry-After
// and appends `start <key>` / `end <key>` lines to RUNS_FILE, so the test counts runs
// across processes. GET /memory answers this process's peak and current RSS (bytes).
// Prints the port on its first line of output.

import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { webhook as fastifyWebhook } from 'hookseal/fastify';
import { webhook as koaWebhook } from 'hookseal/koa';
import { MemoryStore, PostgresStore, RedisStore, SqliteStore } from 'hookseal/stores';
import { toRequest } from './node-request.js';

const { STORE = 'memory', STORE_URL, RUNS_FILE, HELPER = 'express', LEASE_MS, SLOW_MS = '1500', PORT = '0' } = process.env;
const store = {
  memory: () => new MemoryStore(),
  sqlite: () => new SqliteStore({ path: STORE_URL }),
  redis: () => new RedisStore({ url: STORE_URL, connectTimeoutMs: 1000, operationTimeoutMs: 2000 }),
  postgres: () => new PostgresStore({ connectionString: STORE_URL }),
}[STORE]();
const options = { store, leaseMs: LEASE_MS ? Number(LEASE_MS) : undefined };
const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => RUNS_FILE && appendFileSync(RUNS_FILE, `${line}\n`);

/** The handler every helper runs: returns [status, json], or throws. */
async function handle(event, mode) {
  log(`start ${event.idempotencyKey} ${mode}`);
  if (mode === 'hang') await new Promise(() => {});
  if (mode === 'slow' || mode === 'slowfail') await sleep(Number(SLOW_MS));
  if (mode === 'slowfail') throw new Error('the handler failed');
  log(`end ${event.idempotencyKey} ${mode}`);
  if (mode === '429') return [429, { error: 'busy' }];
  return [200, { processed: event.idempotencyKey }];
}

const modeOf = (url) => new URL(url, 'http://x').searchParams.get('mode') ?? 'ok';

function memory() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
  return { peak: kib('VmHWM'), rss: kib('VmRSS') };
}

let server;
if (HELPER === 'fastify') {
  const app = Fastify();
  app.get('/memory', async () => memory());
  app.register(fastifyWebhook, {
    verifier,
    url: '/hooks',
    ...options,
    handler: async (request, reply) => {
      const [status, json] = await handle(request.webhook, modeOf(request.url));
      if (status === 429) reply.header('retry-after', '1');
      return reply.code(status).send(json);
    },
  });
  await app.ready();
  server = app.server;
} else if (HELPER === 'koa') {
  const app = new Koa();
  const hooks = koaWebhook(verifier, options);
  // Outermost, as a Koa app's error middleware is: a thrown handler is a JSON 500 here
  // as in the other receivers (the claim is already released by the helper).
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch {
      ctx.status = 500;
      ctx.body = { error: 'handler_failed' };
    }
  });
  app.use(async (ctx, next) => {
    if (ctx.method === 'GET') return void (ctx.body = memory());
    if (ctx.path !== '/hooks') return next();
    return hooks(ctx, async () => {
      const [status, json] = await handle(ctx.state.webhook, modeOf(ctx.url));
      if (status === 429) ctx.set('retry-after', '1');
      ctx.status = status;
      ctx.body = json;
    });
  });
  server = createServer(app.callback());
} else if (HELPER === 'express') {
  const app = express();
  app.get('/memory', (req, res) => res.json(memory()));
  // No body parser: the middleware reads the raw body itself, up to verifier.maxBody.
  app.post('/hooks', webhook(verifier, options), async (req, res) => {
    const [status, json] = await handle(req.webhook, modeOf(req.url));
    if (status === 429) res.set('retry-after', '1');
    res.status(status).json(json);
  });
  app.use((err, req, res, next) => res.status(500).json({ error: 'handler_failed' }));
  server = createServer(app);
} else {
  const route = withWebhook(
    verifier,
    async (event, request) => {
      const [status, json] = await handle(event, modeOf(request.url));
      return Response.json(json, { status });
    },
    options,
  );
  server = createServer(async (req, res) => {
    if (req.method === 'GET') return res.end(JSON.stringify(memory()));
    let response;
    try {
      response = await route(toRequest(req));
    } catch {
      response = Response.json({ error: 'handler_failed' }, { status: 500 });
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': bytes.length });
    res.end(bytes);
  });
}

server.listen(Number(PORT), '127.0.0.1', () => console.log(server.address().port));
