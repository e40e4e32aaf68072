// A Next.js Pages Router API route for the four seed providers (/api/saleslab, ...).
// hookseal reads the raw body (Next's parser is off for this route), verifies it, and
// answers 401/400/413 itself; the handler only sees genuine deliveries, and each runs
// once: the helper claims it in a store with a lease, the handler's 2xx marks it done (a
// repeat is answered 200 {"duplicate": true}), anything else releases it for the
// provider's retry (docs/receiving.md).
//
//   npm install && npm run build
//   SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//   SALESCALING_TOKEN=… npx next start -p 3000

import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/next';
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

// Where claims are kept. In production: SqliteStore, RedisStore or PostgresStore, so that
// they survive a restart and are shared between instances.
const store = new MemoryStore();

const routes = Object.fromEntries(
  Object.entries(verifiers).map(([provider, verifier]) => [
    provider,
    withWebhook(
      verifier,
      (event, req, res) => {
        console.log(`${provider} ${event.kind} ${event.eventId ?? '-'}`);
        res.status(200).json({ received: true });
      },
      { store },
    ),
  ]),
);

export default function handler(req, res) {
  const route = req.method === 'POST' && routes[req.query.provider];
  return route ? route(req, res) : res.status(404).end();
}
