// A Cloudflare Worker (module syntax) that receives the webhooks of SalesLab, SalesOS,
// Salesbooth and Salescaling, verified by hookseal's wasm engine before anything else
// runs. Answers per the receive contract (docs/receiving.md): 200 verified (and 200 `{"duplicate": true}` for a delivery
// already processed), 400 malformed or stale, 401 wrong signature, 413 too large, 404 an
// unknown route. Each provider's events are routed by kind (hookseal/events, typed from its
// schema); a kind with no route gets the plain acknowledgement.
//
//   POST /webhooks/saleslab | /webhooks/salesos | /webhooks/salesbooth | /webhooks/salescaling
//   (or without the /webhooks prefix: /saleslab, ..., the paths the demo posts to)
//
// Secrets are Worker secrets (`wrangler secret put SALESLAB_SECRET`, ...). A comma in a
// secret list separates the new secret from the old during a rotation.

import { Verifier } from 'hookseal/wasm';
import { withWebhook } from 'hookseal/fetch';
import { createRouter } from 'hookseal/events';
import { MemoryStore } from 'hookseal/stores';

const SECRETS = {
  saleslab: 'SALESLAB_SECRET',
  salesos: 'SALESOS_SECRET',
  salesbooth: 'SALESBOOTH_SECRET',
  salescaling: 'SALESCALING_TOKEN',
};

/**
 * The claims of this isolate: the helper claims each verified delivery with a lease, the
 * handler's 2xx marks it done (a repeat is answered 200 {"duplicate": true}), anything
 * else releases it for the provider's retry (docs/receiving.md). In this isolate only, to
 * keep the example short: Cloudflare runs many isolates and recycles them, so a real
 * deployment keeps claims in a store shared by every isolate (a Durable Object, say).
 */
const store = new MemoryStore({ maxKeys: 10_000 });

/** The answer to a verified delivery: its envelope, and what its route did (`handled`). */
const answer = (verified, handled) => Response.json({
  received: true,
  scheme: verified.scheme,
  kind: verified.kind,
  tenant: verified.tenant,
  idempotencyKey: verified.idempotencyKey,
  ...(handled === undefined ? {} : { handled }),
});

// What each provider's events do here: one route per kind, the event typed for it; every
// other kind is acknowledged with its envelope.
const routers = {
  saleslab: createRouter('saleslab').on('badge.awarded', (event, verified) => answer(verified, `badge ${event.payload.badge_slug} for ${event.payload.user_id}`)),
  salesos: createRouter('salesos').on('deal.won', (event, verified) => answer(verified, `deal ${event.payload.data.id} won: ${event.payload.data.value}`)),
  salesbooth: createRouter('salesbooth').on('deal.created', (event, verified) => answer(verified, `deal created for tenant ${event.payload.tenant_id}`)),
  salescaling: createRouter('salescaling').on('meeting_status_changed', (event, verified) => answer(verified, `meeting status ${event.payload.status ?? '-'}`)),
};
for (const router of Object.values(routers)) router.otherwise((event, verified) => answer(verified));

/** One handler per scheme, built on the first request (key state is computed once). */
const handlers = new Map();

function handlerFor(scheme, env) {
  let handle = handlers.get(scheme);
  if (!handle) {
    const verifier = new Verifier(scheme, { secrets: env[SECRETS[scheme]].split(',') });
    handle = withWebhook(verifier, routers[scheme].fetch, { store });
    handlers.set(scheme, handle);
  }
  return handle;
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    const scheme = pathname.match(/^(?:\/webhooks)?\/([a-z]+)$/)?.[1];
    if (request.method !== 'POST' || !Object.hasOwn(SECRETS, scheme ?? '')) {
      return new Response('not found', { status: 404 });
    }
    // 401/400/413 answered by the helper; a repeat of a processed delivery is 200 {"duplicate": true}.
    return handlerFor(scheme, env)(request);
  },
};
