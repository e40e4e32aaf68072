// `hookseal/koa`: Koa middleware that verifies the raw body and hands the next
// middleware the delivery as `ctx.state.webhook`; on failure it answers the core's
// status with `{error, message}` and does not call `next`.

// The engine, so the receive contract is loaded whichever entry was imported first.
import { Verifier } from './index.js';
import { HooksealError } from './errors.js';
import { errorAnswer, headersOf, isTyped, rawBody } from './node-body.js';
import { receiver } from './receiver.js';
import { checkStore, claimKey, claimOrAnswer, duplicatesOf, settle } from './stores/dedupe.js';

const PARSED_MESSAGE =
  'the request body was already parsed (by @koa/bodyparser, koa-body or a similar parser), so the ' +
  'exact bytes that were signed are gone. Mount no body parser before the hookseal middleware on ' +
  'this route (it reads the raw body itself), or keep the raw bytes in ctx.request.rawBody.';

function answer(ctx, { status, headers, body }) {
  ctx.status = status;
  ctx.set(headers);
  ctx.body = body;
}

/**
 * Koa middleware for one verifier.
 *
 * @example
 * import Koa from 'koa';
 * import { webhook } from 'hookseal/koa';
 * const hooks = webhook(new Verifier('salesos', { secrets: [process.env.SALESOS_SECRET] }));
 * app.use((ctx, next) => (ctx.path === '/hooks/salesos' ? hooks(ctx, async () => {
 *   console.log(ctx.state.webhook.kind);
 *   ctx.status = 204;
 * }) : next()));
 *
 * @param {{verify: Function, maxBody?: number} | object} verifier a hookseal Verifier, or a tenants
 *   config `{scheme, tenant: (ctx) => string, secrets: (tenant, ctx) => list | Promise<list>, ...}`
 *   (docs/tenants.md): `ctx.state.webhook.tenant` is then the request's tenant
 * @param {{now?: () => number, store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
 *   explain?: boolean, meter?: object | null}} [options]
 *   with a `store` each delivery is claimed with a lease before `next` runs: the status
 *   `ctx` has when `next` settles decides (2xx: done; anything else, a throw included:
 *   released for the retry). `explain`, `meter`: docs/explain.md, docs/metrics.md.
 */
export function webhook(verifier, options = {}) {
  const rx = receiver(verifier, options, { Verifier, what: 'webhook(verifier)' });
  const store = checkStore(options.store);
  return async function hooksealKoa(ctx, next) {
    let verified;
    try {
      const read = (limit) => rawBody(ctx.req, limit, PARSED_MESSAGE, ctx.request.body, ctx.request.rawBody);
      verified = await rx.receive([ctx], read, () => headersOf(ctx.req));
    } catch (e) {
      if (isTyped(e)) return answer(ctx, errorAnswer(e));
      throw e;
    }
    ctx.state.webhook = verified;
    const key = store && claimKey(verified);
    if (!key) return next();
    const claimed = await claimOrAnswer(store, key, options.leaseMs, duplicatesOf(verified));
    if (claimed.answer) return answer(ctx, claimed.answer);
    let status = null;
    try {
      await next();
      status = ctx.status;
    } finally {
      await settle(store, key, claimed.token, status, options.ttlMs);
    }
  };
}

export { HooksealError };
