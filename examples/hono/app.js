// A Hono app for the four seed providers, one path each: Fetch API only, so the same app
// runs on Node (server.js), Bun, Deno or an edge runtime. Each provider's events are
// routed by kind, typed from its schema (hookseal/events); a kind with no route is
// acknowledged, 200 {"received": true}.

import { Hono } from 'hono';
import { Verifier } from 'hookseal';
import { createRouter } from 'hookseal/events';
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
  // What each provider's events do here: one route per kind, the event typed for it.
  const routers = {
    saleslab: createRouter('saleslab').on('session.completed', (event) => {
      console.log(`saleslab session ${event.payload.session.id} ended at ${event.payload.session.ended_at}`);
    }),
    salesos: createRouter('salesos').on('deal.won', (event) => {
      console.log(`salesos deal ${event.payload.data.name ?? event.payload.data.id} won: ${event.payload.data.value}`);
    }),
    salesbooth: createRouter('salesbooth').on('deal.created', (event) => {
      console.log(`salesbooth deal created for tenant ${event.payload.tenant_id}`);
    }),
    salescaling: createRouter('salescaling').on('meeting_status_changed', (event) => {
      console.log(`salescaling meeting status: ${event.payload.status ?? '-'}`);
    }),
  };
  for (const router of Object.values(routers)) {
    router.otherwise((event, verified) => console.log(`${router.provider} ${event.kind} ${verified.eventId ?? '-'}`));
  }
  // Each delivery is verified (401/400/413 answered for you) and claimed with a lease: the
  // routed handler's 2xx marks it done, so a repeat is answered 200 {"duplicate": true};
  // anything else releases it for the provider's retry (docs/receiving.md).
  const handlers = Object.fromEntries(
    Object.entries(verifiers).map(([provider, verifier]) => [provider, withWebhook(verifier, routers[provider].fetch, { store })]),
  );

  const app = new Hono();
  app.post('/:provider', (c) => {
    const handle = handlers[c.req.param('provider')];
    // Reads the raw body itself: do not call c.req.json() before this.
    return handle ? handle(c.req.raw) : c.notFound();
  });
  return app;
}
