// A Koa receiver for the four seed providers, one route each (@koa/router). hookseal's
// middleware reads the raw body, verifies it, and answers 401/400/413 itself; the next
// middleware only sees genuine deliveries, as ctx.state.webhook, and each runs once: the
// helper claims it in a store with a lease, the handler's 2xx marks it done (a repeat is
// answered 200 {"duplicate": true}), anything else releases it for the provider's retry
// (docs/receiving.md). Each provider's events are routed by kind, typed from its schema
// (hookseal/events).
//
//   SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//   SALESCALING_TOKEN=… PORT=3000 node server.js

import Router from '@koa/router';
import Koa from 'koa';
import { Verifier } from 'hookseal';
import { createRouter } from 'hookseal/events';
import { HooksealError, webhook } from 'hookseal/koa';
import { MemoryStore } from 'hookseal/stores';

// One verifier per provider, built once at start-up (the secret exactly as the provider shows it).
const verifiers = {
  saleslab: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SIGNING_SECRET] }),
  salesos: new Verifier('salesos', { secrets: [process.env.SALESOS_WEBHOOK_SECRET] }),
  salesbooth: new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_WEBHOOK_SECRET] }),
  // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
  salescaling: new Verifier('salescaling', { secrets: [process.env.SALESCALING_TOKEN] }),
};

// What each provider's events do here: one route per kind, the event typed for it; a
// kind with no route is acknowledged, 200 {"received": true}.
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

// Where claims are kept. In production: SqliteStore, RedisStore or PostgresStore, so that
// they survive a restart and are shared between instances.
const store = new MemoryStore();

const router = new Router();
for (const [provider, verifier] of Object.entries(verifiers)) {
  // No body parser on these routes: the middleware needs the exact bytes that were signed.
  router.post(`/${provider}`, webhook(verifier, { store }), async (ctx) => {
    try {
      // The router's plain form: what the kind's handler returned, or {received: true}.
      ctx.body = await routers[provider].dispatch(ctx.state.webhook, ctx);
    } catch (e) {
      // A verified body that is not JSON: 400 invalid_payload, and the claim released.
      if (!(e instanceof HooksealError)) throw e;
      ctx.status = e.status;
      ctx.body = e.toJSON();
    }
  });
}

const app = new Koa();
app.use(router.routes());
const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}`));
