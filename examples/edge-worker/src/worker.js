// A Cloudflare Worker (module syntax) that receives the webhooks of SalesLab, SalesOS,
// Salesbooth and Salescaling, verified by hookseal's wasm engine before anything else
// runs. Answers per the receive contract (docs/receiving.md): 200 verified (and 200 `{"duplicate": true}` for a delivery
// already processed), 400 malformed or stale, 401 wrong signature, 413 too large, 404 an
// unknown route.
//
//   POST /webhooks/saleslab | /webhooks/salesos | /webhooks/salesbooth | /webhooks/salescaling
//   (or without the /webhooks prefix: /saleslab, ..., the paths the demo posts to)
//
// Secrets are Worker secrets (`wrangler secret put SALESLAB_SECRET`, ...). A comma in a
// secret list separates the new secret from the old during a rotation.

import { HooksealError, Verifier } from 'hookseal/wasm';
import { verifyRequest, errorResponse } from 'hookseal/fetch';

const SECRETS = {
  saleslab: 'SALESLAB_SECRET',
  salesos: 'SALESOS_SECRET',
  salesbooth: 'SALESBOOTH_SECRET',
  salescaling: 'SALESCALING_TOKEN',
};

/**
 * Deliveries already processed, as `<scheme>:<idempotency key>`. In this isolate only, to
 * keep the example short: Cloudflare runs many isolates and recycles them, so a real
 * deployment keeps the keys in KV or a Durable Object (one per tenant serialises them).
 * A Set keeps insertion order, so the oldest key is dropped first past MAX_KEYS.
 */
const processed = new Set();
const MAX_KEYS = 10_000;

/** True the first time `key` is seen by this isolate. */
function firstDelivery(key) {
  if (processed.has(key)) return false;
  processed.add(key);
  if (processed.size > MAX_KEYS) processed.delete(processed.values().next().value);
  return true;
}

/** One verifier per scheme, built on the first request (key state is computed once). */
const verifiers = new Map();

function verifierFor(scheme, env) {
  let v = verifiers.get(scheme);
  if (!v) {
    v = new Verifier(scheme, { secrets: env[SECRETS[scheme]].split(',') });
    verifiers.set(scheme, v);
  }
  return v;
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    const scheme = pathname.match(/^(?:\/webhooks)?\/([a-z]+)$/)?.[1];
    if (request.method !== 'POST' || !Object.hasOwn(SECRETS, scheme ?? '')) {
      return new Response('not found', { status: 404 });
    }
    let event;
    try {
      event = await verifyRequest(request, verifierFor(scheme, env));
    } catch (err) {
      if (err instanceof HooksealError) return errorResponse(err);
      throw err;
    }
    // Verified: de-duplicate on idempotencyKey (a provider's retry, or a replay of a
    // delivery whose scheme signs no timestamp), then route on the envelope (kind, tenant).
    if (!firstDelivery(`${scheme}:${event.idempotencyKey}`)) {
      return Response.json({ received: true, duplicate: true });
    }
    return Response.json({
      received: true,
      duplicate: false,
      scheme,
      kind: event.kind,
      tenant: event.tenant,
      idempotencyKey: event.idempotencyKey,
    });
  },
};
