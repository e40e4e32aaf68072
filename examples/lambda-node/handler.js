// An AWS Lambda receiver for the four seed providers, behind an API Gateway HTTP API or
// REST API, a Function URL or an ALB, one path each (`/saleslab`, ...). hookseal restores
// the exact signed bytes (the event's body is base64 when `isBase64Encoded`), reads the
// headers in the event's shape, verifies, and answers 401/400/413 in the integration's
// response shape; the handler only sees genuine deliveries. Each runs once: claimed in a
// store with a lease, done on the handler's 2xx (a repeat is answered 200
// {"duplicate": true}), released otherwise for the provider's retry (docs/receiving.md).
// Each provider's events are routed by kind, typed from its schema (hookseal/events).
//
// Environment: SALESLAB_SIGNING_SECRET, SALESOS_WEBHOOK_SECRET, SALESBOOTH_WEBHOOK_SECRET,
// SALESCALING_TOKEN. Handler: handler.handler.

import { Verifier } from 'hookseal';
import { createRouter } from 'hookseal/events';
import { HooksealError, withWebhook } from 'hookseal/lambda';
import { MemoryStore } from 'hookseal/stores';

const verifiers = {
  saleslab: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SIGNING_SECRET] }),
  salesos: new Verifier('salesos', { secrets: [process.env.SALESOS_WEBHOOK_SECRET] }),
  salesbooth: new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_WEBHOOK_SECRET] }),
  // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
  salescaling: new Verifier('salescaling', { secrets: [process.env.SALESCALING_TOKEN] }),
};

// What each provider's events do here: one route per kind, the event typed for it (what a
// handler returns is the answer's JSON); a kind with no route is acknowledged, 200
// {"received": true}.
const routers = {
  saleslab: createRouter('saleslab').on('session.completed', (event) => {
    console.log(`saleslab session ${event.payload.session.id} ended at ${event.payload.session.ended_at}`);
  }),
  salesos: createRouter('salesos').on('deal.won', (event) => {
    console.log(`salesos deal ${event.payload.data.name ?? event.payload.data.id} won: ${event.payload.data.value}`);
  }),
  salesbooth: createRouter('salesbooth').on('deal.created', (event) => {
    console.log(`salesbooth deal created for tenant ${event.payload.tenant_id}`);
    return { received: true, tenant: event.payload.tenant_id };
  }),
  salescaling: createRouter('salescaling').on('meeting_status_changed', (event) => {
    console.log(`salescaling meeting status: ${event.payload.status ?? '-'}`);
  }),
};
for (const router of Object.values(routers)) {
  router.otherwise((event, verified) => console.log(`${router.provider} ${event.kind} ${verified.eventId ?? '-'}`));
}

const json = (statusCode, value) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

// One instance's memory only, to stay short. Lambda runs many instances and recycles
// them: in production use a store they share (RedisStore or PostgresStore).
const store = new MemoryStore();

const routes = Object.fromEntries(
  Object.entries(verifiers).map(([provider, verifier]) => [
    `/${provider}`,
    withWebhook(
      verifier,
      async (verified) => {
        try {
          return json(200, await routers[provider].dispatch(verified));
        } catch (e) {
          // A verified body that is not JSON: 400 invalid_payload, and the claim released.
          if (e instanceof HooksealError) return json(e.status, e.toJSON());
          throw e;
        }
      },
      { store },
    ),
  ]),
);

/** The Lambda entry point: payload 2.0 has `rawPath`, 1.0 and ALB have `path`. */
export async function handler(event, context) {
  const route = routes[event.rawPath ?? event.path];
  return route ? route(event, context) : { statusCode: 404, body: '' };
}
