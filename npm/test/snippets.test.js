// The npm/README.md snippets of the framework helpers (test/snippets/, test/bun/serve.mjs),
// run: each app served on 127.0.0.1 (the Lambda handler invoked with an API Gateway
// event) and sent a genuine delivery (204) and a tampered one (401).

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { transform } from 'esbuild';
import { hookseal, here } from './helper.js';

const { sign } = hookseal;
const SECRETS = { SALESLAB_SECRET: 'sl_npm_readme', SALESOS_SECRET: 'whsec_os_readme', SALESBOOTH_SECRET: 'whsec_sb_readme' };
Object.assign(process.env, SECRETS);
const snippet = (name) => import(pathToFileURL(join(here, 'snippets', name)).href);
const BODIES = {
  saleslab: ['SALESLAB_SECRET', '{"event_kind":"badge.awarded","delivery_id":"d_1"}'],
  salesos: ['SALESOS_SECRET', '{"type":"deal.won","id":"evt_1","data":{}}'],
  salesbooth: ['SALESBOOTH_SECRET', '{"event":"deal.created","id":"evt_1","data":{}}'],
};

/** Genuine: 204; tampered: 401. `send(body, headers)` gives the status. */
async function check(scheme, send) {
  const [secret, body] = BODIES[scheme];
  const headers = sign(scheme, process.env[secret], body);
  assert.equal(await send(body, headers), 204);
  assert.equal(await send(body.replace('_1', '_2'), headers), 401);
}

async function checkServer(url, scheme) {
  await check(scheme, async (body, headers) => {
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    await res.arrayBuffer();
    return res.status;
  });
}

/** Serves a node `(req, res)` listener on 127.0.0.1 while `fn(base)` runs. */
async function serving(listener, fn) {
  const server = createServer(listener);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${server.address().port}`);
  } finally {
    server.close();
  }
}

describe('npm/README.md snippets', () => {
  test('Fastify', async () => {
    const { app } = await snippet('fastify.mjs');
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      await checkServer(`http://127.0.0.1:${app.server.address().port}/hooks/saleslab`, 'saleslab');
    } finally {
      await app.close();
    }
  });

  test('Koa', async () => {
    const { app } = await snippet('koa.mjs');
    await serving(app.callback(), (base) => checkServer(`${base}/hooks/salesos`, 'salesos'));
  });

  test('NestJS (TypeScript, compiled with legacy decorators)', async () => {
    const source = readFileSync(join(here, 'snippets', 'nest.ts'), 'utf8');
    const { code } = await transform(source, {
      loader: 'ts',
      format: 'esm',
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
    });
    const out = join(here, 'snippets', '.build');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'nest.mjs'), code);
    const { app } = await import(pathToFileURL(join(out, 'nest.mjs')).href);
    app.useLogger(false);
    await app.listen(0, '127.0.0.1');
    try {
      await checkServer(`http://127.0.0.1:${app.getHttpServer().address().port}/hooks/salesbooth`, 'salesbooth');
    } finally {
      await app.close();
    }
  });

  test('Next.js Pages Router (through Next\'s API resolver)', async () => {
    const page = await snippet('next.mjs');
    const { apiResolver } = createRequire(import.meta.url)('next/dist/server/api-utils/node/api-resolver.js');
    const context = { previewModeId: 'id', previewModeEncryptionKey: 'key', previewModeSigningKey: 'key', dev: false };
    await serving(
      (req, res) => apiResolver(req, res, {}, page, context, false, false, '/api/hooks/salesbooth'),
      (base) => checkServer(`${base}/api/hooks/salesbooth`, 'salesbooth'),
    );
  });

  test('AWS Lambda (an HTTP API event)', async () => {
    const { handler } = await snippet('lambda.mjs');
    await check('salesbooth', async (body, headers) => {
      const event = { version: '2.0', rawPath: '/', headers, body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
      return (await handler(event, {})).statusCode;
    });
  });
});
