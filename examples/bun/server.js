// A Bun receiver for the four seed providers, one path each: `Bun.serve` with the Fetch
// helper, which reads the raw body (up to maxBody), verifies it and answers 401/400/413
// itself. Each delivery runs once: it is claimed in a store with a lease, the handler's
// 2xx marks it done (a repeat is answered 200 {"duplicate": true}), anything else
// releases it for the provider's retry (docs/receiving.md).
//
//   SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//   SALESCALING_TOKEN=… PORT=3000 bun server.js

import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';

// One verifier per provider, built once at start-up (the secret exactly as the provider shows it).
const verifiers = {
  saleslab: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SIGNING_SECRET] }),
  salesos: new Verifier('salesos', { secrets: [process.env.SALESOS_WEBHOOK_SECRET] }),
  salesbooth: new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_WEBHOOK_SECRET] }),
  // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
  salescaling: new Verifier('salescaling', { secrets: [process.env.SALESCALING_TOKEN] }),
};

// Where claims are kept. In production: a store that survives a restart and is shared
// (SqliteStore, RedisStore, PostgresStore).
const store = new MemoryStore();

const routes = {};
for (const [provider, verifier] of Object.entries(verifiers)) {
  routes[`/${provider}`] = {
    POST: withWebhook(
      verifier,
      (event) => {
        console.log(`${provider} ${event.kind} ${event.eventId ?? '-'}`);
        return Response.json({ received: true });
      },
      { store },
    ),
  };
}

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 3000),
  routes,
  fetch: () => new Response('not found', { status: 404 }),
});
console.log(`listening on http://127.0.0.1:${server.port}`);
