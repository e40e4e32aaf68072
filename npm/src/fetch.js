// `hookseal/fetch`: the Fetch API (`Request` -> `Response`) helpers for Next.js App
// Router route handlers, Hono, Deno, Bun and edge runtimes. No Node built-ins.

import { HooksealError } from './errors.js';
import { checkStore, runOnce } from './stores/dedupe.js';

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
  if (!request || !('body' in request) || !request.headers) {
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
  const body = await readBounded(request, limit);
  return verifier.verify(body, request.headers, options);
}

// Cloudflare's documented userAgent of the Workers runtime (wrangler and miniflare run it too).
const nativeBodies = globalThis.navigator?.userAgent === 'Cloudflare-Workers';

/**
 * The body of `request`, never more than `limit` bytes of it. A declared Content-Length
 * over the limit is refused before a byte is read. A body is read from its stream with a
 * byte counter: past `limit` bytes the stream is cancelled and the answer is
 * payload_too_large, whatever Content-Length or the chunked framing said. In workerd a
 * body with a declared length within the limit is read in one `arrayBuffer()` instead:
 * its HTTP server ends the body at that length, and there one native read costs a
 * fraction of a JavaScript loop over the chunks (about 200 µs less CPU for 64 KiB,
 * docs/benchmarks/load.md). In Node the loop is the cheaper of the two, and is kept.
 */
async function readBounded(request, limit) {
  const declared = request.headers.get('content-length');
  const length = declared === null || !/^\d+$/.test(declared) ? null : Number(declared);
  const tooLarge = () => new HooksealError('payload_too_large', `the body is over the limit of ${limit} bytes`);
  if (length > limit) {
    // Announced too large: refused before a byte is read.
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (request.body === null) return new Uint8Array(0);
  if (length !== null && nativeBodies) {
    let body;
    try {
      body = new Uint8Array(await request.arrayBuffer());
    } catch {
      throw new HooksealError('unreadable_body');
    }
    // Longer than declared: only a Request built by hand with a wrong header.
    if (body.byteLength > limit) throw tooLarge();
    return body;
  }
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      throw new HooksealError('unreadable_body');
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      chunks.length = 0;
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(step.value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
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
 * @param {{store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number}} [options]
 *   with a `store` (hookseal/stores) each delivery is claimed with a lease (`leaseMs`,
 *   default 60 s) before the handler runs: a 2xx Response completes it (done for `ttlMs`,
 *   default 30 days); any other status, or a throw, releases it for the retry. A retry
 *   while the handler runs is answered 503 delivery_in_progress with Retry-After, a
 *   duplicate of a completed one 200 `{"duplicate": true}`, a store failure 503
 *   store_unavailable.
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
      leaseMs: options.leaseMs,
      ttlMs: options.ttlMs,
      handler: () => handler(verified, request, ...rest),
      answer: ({ status, headers, body }) => new Response(body, { status, headers }),
    });
  };
}

export { HooksealError };
