// hookseal/fetch on Node through @hono/node-server's adapter (the node:http server of
// examples/hono), with one route per variant, in one process:
//   /none    no verification: await request.arrayBuffer(), 204
//   /verify  withWebhook(verifier, handler), 204
//   /store   withWebhook(verifier, handler, { store: new MemoryStore() }), 204
//
//   PORT=… LOAD_SECRET=… node fetch.mjs

import { createRequire } from 'node:module';
import { Verifier } from '../../npm/src/index.js';
import { withWebhook } from '../../npm/src/fetch.js';
import { MemoryStore } from '../../npm/src/stores/node.js';

const { serve } = createRequire(new URL('../../examples/hono/package.json', import.meta.url))('@hono/node-server');
const verifier = new Verifier('saleslab', { secrets: [process.env.LOAD_SECRET] });
const done = () => new Response(null, { status: 204 });

const routes = {
  '/none': async (request) => {
    await request.arrayBuffer();
    return done();
  },
  '/verify': withWebhook(verifier, done),
  '/store': withWebhook(verifier, done, { store: new MemoryStore() }),
};

serve({
  port: Number(process.env.PORT),
  hostname: '127.0.0.1',
  fetch: (request) => routes[new URL(request.url).pathname]?.(request) ?? new Response(null, { status: 404 }),
});
