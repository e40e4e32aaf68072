// `hookseal/fetch`: the Fetch API (`Request` -> `Response`) helpers for Next.js App
// Router route handlers, Hono, Deno, Bun and edge runtimes. No Node built-ins.

import { HooksealError } from './errors.js';
import { DUPLICATE_BODY, checkStore, runOnce } from './stores/dedupe.js';

/**
 * Reads the raw body of `request` once and verifies it.
 *
 * @example
 * // app/api/hooks/salesbooth/route.js (Next.js)
 * const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });
 * export async function POST(request) {
 *   const event = await verifyRequest(request, verifier);   // throws HooksealError
 *   return Response.json({ received: event.kind });
 * }
 *
 * @param {Request} request
 * @param {{verify: Function, maxBody?: number}} verifier a hookseal Verifier
 * @param {{now?: number | Date}} [options]
 * @returns {Promise<import('./verified.js').Verified>}
 */
export async function verifyRequest(request, verifier, options) {
  if (!request || typeof request.arrayBuffer !== 'function' || !request.headers) {
    throw new TypeError('verifyRequest(request, verifier) needs a Fetch API Request');
  }
  if (!verifier || typeof verifier.verify !== 'function') {
    throw new TypeError('verifyRequest(request, verifier) needs a hookseal Verifier');
  }
  if (request.bodyUsed) {
    throw new HooksealError(
      'body_already_parsed',
      'the request body was already read (request.json() or request.text()), so the exact bytes ' +
        'that were signed are gone: call verifyRequest before reading the body, and use event.json()',
    );
  }
  const limit = verifier.maxBody ?? 1024 * 1024;
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) {
    // Refuse before reading a body that is announced too large.
    throw new HooksealError('payload_too_large', `the body is ${declared} bytes; the limit is ${limit}`);
  }
  const body = new Uint8Array(await request.arrayBuffer());
  return verifier.verify(body, request.headers, options);
}

/** The response for a HooksealError: its status, and `{error: code, message}` as JSON. */
export function errorResponse(err) {
  return jsonResponse(err.toJSON(), err.status);
}

function jsonResponse(value, status) {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/**
 * Wraps a route handler: it runs only for verified deliveries, as
 * `handler(verified, request, ...rest)`; others get the error response.
 *
 * @example
 * // Hono
 * app.post('/hooks/saleslab', (c) => handle(c.req.raw));
 * const handle = withWebhook(verifier, async (event) => new Response(null, { status: 204 }));
 *
 * @param {{verify: Function, maxBody?: number}} verifier
 * @param {(verified: any, request: Request, ...rest: any[]) => Response | Promise<Response>} handler
 * @param {{store?: {claim: Function, release: Function}, ttlMs?: number}} [options] with a `store`
 *   (hookseal/stores) the handler runs once per delivery: a duplicate is answered 200
 *   `{"duplicate": true}`; a handler that throws or answers 5xx releases the claim
 */
export function withWebhook(verifier, handler, options = {}) {
  if (typeof handler !== 'function') throw new TypeError('withWebhook(verifier, handler) needs a handler function');
  const store = checkStore(options.store);
  return async function hooksealRoute(request, ...rest) {
    let verified;
    try {
      verified = await verifyRequest(request, verifier);
    } catch (e) {
      if (e instanceof HooksealError) return errorResponse(e);
      throw e;
    }
    if (!store) return handler(verified, request, ...rest);
    return runOnce(store, verified, {
      ttlMs: options.ttlMs,
      handler: () => handler(verified, request, ...rest),
      duplicate: () => jsonResponse(DUPLICATE_BODY, 200),
    });
  };
}

export { HooksealError };
