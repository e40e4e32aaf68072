// A Hono app for the four seed providers, one path each: Fetch API only, so the same app
// runs on Node (server.js), Bun, Deno or an edge runtime.

import { Hono } from 'hono';
import { Verifier } from 'hookseal';
import { verifyRequest, errorResponse, HooksealError } from 'hookseal/fetch';

/** The app, with the providers' secrets as the provider shows them. */
export function createApp(env) {
  const verifiers = {
    saleslab: new Verifier('saleslab', { secrets: [env.SALESLAB_SIGNING_SECRET] }),
    salesos: new Verifier('salesos', { secrets: [env.SALESOS_WEBHOOK_SECRET] }),
    salesbooth: new Verifier('salesbooth', { secrets: [env.SALESBOOTH_WEBHOOK_SECRET] }),
    // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
    salescaling: new Verifier('salescaling', { secrets: [env.SALESCALING_TOKEN] }),
  };
  // Deliveries already processed, by idempotency key. In production: a table with a
  // unique key, or a KV store, so that it survives restarts and is shared.
  const processed = new Set();

  const app = new Hono();
  app.post('/:provider', async (c) => {
    const provider = c.req.param('provider');
    const verifier = verifiers[provider];
    if (!verifier) return c.notFound();
    let event;
    try {
      // Reads the raw body itself: do not call c.req.json() before this.
      event = await verifyRequest(c.req.raw, verifier);
    } catch (e) {
      if (e instanceof HooksealError) return errorResponse(e); // 401, 400 or 413
      throw e;
    }
    const key = `${provider}:${event.idempotencyKey}`;
    if (processed.has(key)) return c.json({ received: true, duplicate: true });
    processed.add(key);
    console.log(`${provider} ${event.kind} ${event.eventId ?? '-'}`);
    return c.json({ received: true, duplicate: false });
  });
  return app;
}
