// A Next.js Pages Router API route for the four seed providers (/api/saleslab, ...).
// hookseal reads the raw body (Next's parser is off for this route), verifies it, and
// answers 401/400/413 itself; the handler only sees genuine deliveries, and each runs
// once: the helper claims it in a store with a lease, the handler's 2xx marks it done (a
// repeat is answered 200 {"duplicate": true}), anything else releases it for the
// provider's retry (docs/receiving.md). Each provider's events are routed by kind, typed
// from its schema (hookseal/events).
//
//   npm install && npm run build
//   SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//   SALESCALING_TOKEN=… npx next start -p 3000

import { Verifier } from 'hookseal';
import { createRouter } from 'hookseal/events';
import { HooksealError, withWebhook } from 'hookseal/next';
import { MemoryStore } from 'hookseal/stores';

// Next parses the body unless the route turns its parser off, here, in this file.
export const config = { api: { bodyParser: false } };

// One verifier per provider, built once per server (the secret exactly as the provider shows it).
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

const routes = Object.fromEntries(
  Object.entries(verifiers).map(([provider, verifier]) => [
    provider,
    withWebhook(
      verifier,
      async (verified, req, res) => {
        try {
          // The router's plain form: what the kind's handler returned, or {received: true}.
          res.status(200).json(await routers[provider].dispatch(verified, req, res));
        } catch (e) {
          // A verified body that is not JSON: 400 invalid_payload, and the claim released.
          if (!(e instanceof HooksealError)) throw e;
          res.status(e.status).json(e.toJSON());
        }
      },
      { store },
    ),
  ]),
);

export default function handler(req, res) {
  const route = req.method === 'POST' && routes[req.query.provider];
  return route ? route(req, res) : res.status(404).end();
}
