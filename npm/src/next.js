// `hookseal/next`: Next.js Pages Router API routes (pages/api/*). Next parses the body
// before the route runs unless the route turns its parser off, which the route file must
// say itself (Next reads the literal at build time; a re-export is not seen):
//
//   export const config = { api: { bodyParser: false } };
//   export default withWebhook(verifier, (event, req, res) => res.status(200).json({ ok: true }));
//
// App Router route handlers get a Fetch Request: `hookseal/fetch`.

// The engine, so the receive contract is loaded whichever entry was imported first.
import { Verifier } from './index.js';
import { HooksealError } from './errors.js';
import { errorAnswer, headersOf, isTyped, rawBody } from './node-body.js';
import { receiver } from './receiver.js';
import { checkStore, claimForResponse, sendAnswer } from './stores/dedupe.js';

const PARSED_MESSAGE =
  "the request body was already parsed by Next.js's API body parser, so the exact bytes that were " +
  'signed are gone. Turn it off in this API route: export const config = { api: { bodyParser: false } }; ' +
  '(the hookseal helper reads the raw body itself).';

/**
 * Wraps a Pages Router API route: it runs only for verified deliveries, as
 * `handler(verified, req, res)` (and `req.webhook`); others are answered with the
 * error's status and `{error, message}`.
 *
 * @example
 * // pages/api/hooks/salesbooth.js
 * export const config = { api: { bodyParser: false } };
 * export default withWebhook(verifier, async (event, req, res) => {
 *   console.log(event.kind);
 *   res.status(200).json({ received: true });
 * });
 *
 * @param {{verify: Function, maxBody?: number} | object} verifier a hookseal Verifier, or a tenants
 *   config `{scheme, tenant: (req) => string, secrets: (tenant, req) => list | Promise<list>, ...}`
 *   (docs/tenants.md; the tenant from `req.query`, which holds the dynamic route segments)
 * @param {(verified: any, req: any, res: any) => unknown} handler
 * @param {{now?: () => number, store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
 *   explain?: boolean, meter?: object | null}} [options]
 *   with a `store` each delivery is claimed with a lease before the handler runs: the
 *   status the response ends with decides (2xx: done; anything else, a throw included:
 *   released for the retry). `explain`, `meter`: docs/explain.md, docs/metrics.md.
 */
export function withWebhook(verifier, handler, options = {}) {
  const rx = receiver(verifier, options, { Verifier, what: 'withWebhook(verifier, handler)' });
  if (typeof handler !== 'function') throw new TypeError('withWebhook(verifier, handler) needs a handler function');
  const store = checkStore(options.store);
  return async function hooksealApiRoute(req, res) {
    let verified;
    try {
      verified = await rx.receive([req], (limit) => rawBody(req, limit, PARSED_MESSAGE), () => headersOf(req));
    } catch (e) {
      if (isTyped(e)) return sendAnswer(res, errorAnswer(e));
      throw e;
    }
    req.webhook = verified;
    if (store) {
      const answer = await claimForResponse(store, verified, options, res);
      if (answer) return sendAnswer(res, answer);
    }
    return handler(verified, req, res);
  };
}

export { HooksealError };
