// A Hono app for the four seed providers, one path each: Fetch API only, so the same app
// runs on Node (server.js), Bun, Deno or an edge runtime.

import { Hono } from 'hono';
import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';

/** The app, with the providers' secrets as the provider shows them. */
export function createApp(env) {
  const verifiers = {
    saleslab: new Verifier('saleslab', { secrets: [env.SALESLAB_SIGNING_SECRET] }),
    salesos: new Verifier('salesos', { secrets: [env.SALESOS_WEBHOOK_SECRET] }),
    salesbooth: new Verifier('salesbooth', { secrets: [env.SALESBOOTH_WEBHOOK_SECRET] }),
    // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    salescaling: new Verifier('salescaling', { secrets: [env.SALESCALING_TOKEN] }),
  };
  // Where claims are kept. In production: a store that survives a restart and is shared
  // (SqliteStore, RedisStore, PostgresStore).
  const store = new MemoryStore();
  // Each delivery is verified (401/400/413 answered for you) and claimed with a lease: the
  // handler's 2xx marks it done, so a repeat is answered 200 {"duplicate": true}; anything
  // else releases it for the provider's retry (docs/receiving.md).
  const handlers = Object.fromEntries(
    Object.entries(verifiers).map(([provider, verifier]) => [
      provider,
      withWebhook(
        verifier,
        (event) => {
          console.log(`${provider} ${event.kind} ${event.eventId ?? '-'}`);
          return Response.json({ received: true });
        },
        { store },
      ),
    ]),
  );

  const app = new Hono();
  app.post('/:provider', (c) => {
    const handle = handlers[c.req.param('provider')];
    // Reads the raw body itself: do not call c.req.json() before this.
    return handle ? handle(c.req.raw) : c.notFound();
  });
  return app;
}
