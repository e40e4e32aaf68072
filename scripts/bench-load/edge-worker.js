// The worker the load test runs in workerd (bundled and started by edge-worker.mjs as
// examples/edge-worker runs its own), hookseal/wasm + hookseal/fetch, one route per variant:
//   /none    no verification: await request.arrayBuffer(), 204
//   /verify  withWebhook(verifier, handler), 204
//   /store   withWebhook(verifier, handler, { store: new MemoryStore() }), 204 (the isolate's own claims)

import { Verifier } from '../../npm/wasm/workerd.js'; // hookseal/wasm's workerd entry
import { withWebhook } from '../../npm/src/fetch.js';
import { MemoryStore } from '../../npm/src/stores/index.js';

const done = () => new Response(null, { status: 204 });
let routes;

export default {
  async fetch(request, env) {
    // Built on the first request: the secret is a binding.
    routes ??= (() => {
      const verifier = new Verifier('saleslab', { secrets: [env.LOAD_SECRET] });
      return {
        '/none': async (r) => {
          await r.arrayBuffer();
          return done();
        },
        '/verify': withWebhook(verifier, done),
        '/store': withWebhook(verifier, done, { store: new MemoryStore() }),
      };
    })();
    const route = routes[new URL(request.url).pathname];
    return route ? route(request) : new Response(null, { status: 404 });
  },
};
