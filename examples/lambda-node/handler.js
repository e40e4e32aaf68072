// An AWS Lambda receiver for the four seed providers, behind an API Gateway HTTP API or
// REST API, a Function URL or an ALB, one path each (`/saleslab`, ...). hookseal restores
// the exact signed bytes (the event's body is base64 when `isBase64Encoded`), reads the
// headers in the event's shape, verifies, and answers 401/400/413 in the integration's
// response shape; the handler only sees genuine deliveries. Each runs once: claimed in a
// store with a lease, done on the handler's 2xx (a repeat is answered 200
// {"duplicate": true}), released otherwise for the provider's retry (docs/receiving.md).
//
// Environment: SALESLAB_SIGNING_SECRET, SALESOS_WEBHOOK_SECRET, SALESBOOTH_WEBHOOK_SECRET,
// SALESCALING_TOKEN. Handler: handler.handler.

import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/lambda';
import { MemoryStore } from 'hookseal/stores';

const verifiers = {
  saleslab: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SIGNING_SECRET] }),
  salesos: new Verifier('salesos', { secrets: [process.env.SALESOS_WEBHOOK_SECRET] }),
  salesbooth: new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_WEBHOOK_SECRET] }),
  // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
  salescaling: new Verifier('salescaling', { secrets: [process.env.SALESCALING_TOKEN] }),
};

// One instance's memory only, to stay short. Lambda runs many instances and recycles
// them: in production use a store they share (RedisStore or PostgresStore).
const store = new MemoryStore();

const routes = Object.fromEntries(
  Object.entries(verifiers).map(([provider, verifier]) => [
    `/${provider}`,
    withWebhook(
      verifier,
      async (event) => {
        console.log(`${provider} ${event.kind} ${event.eventId ?? '-'}`);
        return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"received":true}' };
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
