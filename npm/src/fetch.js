// `hookseal/fetch`: the Fetch API (`Request` -> `Response`) helpers for Next.js App
// Router route handlers, Hono, Deno, Bun and edge runtimes. No Node built-ins.

import { installedVerifier } from './contract.js';
import { HooksealError } from './errors.js';
import { receiver, rejection, verifyExplained } from './receiver.js';
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
 * @param {{now?: number | Date, explain?: boolean}} [options] `explain` (or HOOKSEAL_EXPLAIN=1):
 *   a rejection's error carries the diagnosis as `err.explanation` (docs/explain.md; development only)
 * @returns {Promise<import('./verified.js').Verified>}
 */
export async function verifyRequest(request, verifier, options) {
  checkRequest(request);
  if (!verifier || typeof verifier.verify !== 'function') {
    throw new TypeError('verifyRequest(request, verifier) needs a hookseal Verifier');
  }
  return verifyExplained(verifier, await bodyOfRequest(request, verifier.maxBody ?? 1024 * 1024), request.headers, options);
}

function checkRequest(request) {
  if (!request || !('body' in request) || !request.headers) {
    throw new TypeError('verifyRequest(request, verifier) needs a Fetch API Request');
  }
}

/** The raw body of an unread `request`, at most `limit` bytes; HooksealError otherwise. */
function bodyOfRequest(request, limit) {
  if (request.bodyUsed) {
    throw new HooksealError(
      'body_already_parsed',
      'the request body was already read (request.json() or request.text()), so the exact bytes ' +
        'that were signed are gone: call verifyRequest before reading the body, and use event.json()',
    );
  }
  return readBounded(request, limit);
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

/**
 * The response for a HooksealError: its status, `Retry-After` where its code has one,
 * and `{error: code, message}` as JSON (with `explanation` when the helper attached one).
 */
export function errorResponse(err) {
  const { status, headers, body } = rejection(err);
  return new Response(body, { status, headers });
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
 * @param {{verify: Function, maxBody?: number} | object} verifier a hookseal Verifier, or a tenants
 *   config `{scheme, tenant: (request, ...rest) => string, secrets: (tenant, request, ...rest) => list |
 *   Promise<list>, tenantCache?, Verifier?, ...verifier options}` (docs/tenants.md): each request
 *   is verified with its tenant's secrets and `verified.tenant` is that tenant. `Verifier` is
 *   the engine's class (`hookseal/wasm`'s in an edge runtime); in Node, Bun and Deno the
 *   `hookseal` entry's is the default.
 * @param {(verified: any, request: Request, ...rest: any[]) => Response | Promise<Response>} handler
 * @param {{store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
 *   now?: () => number, explain?: boolean, meter?: object | null}} [options]
 *   with a `store` (hookseal/stores) each delivery is claimed with a lease (`leaseMs`,
 *   default 60 s) before the handler runs: a 2xx Response completes it (done for `ttlMs`,
 *   default 30 days); any other status, or a throw, releases it for the retry. A retry
 *   while the handler runs is answered 503 delivery_in_progress with Retry-After, a
 *   duplicate of a completed one 200 `{"duplicate": true}`, a store failure 503
 *   store_unavailable. `explain` (or HOOKSEAL_EXPLAIN=1) adds the diagnosis to a rejection
 *   (docs/explain.md; development only); `meter`: an OpenTelemetry Meter (docs/metrics.md).
 */
export function withWebhook(verifier, handler, options = {}) {
  if (typeof handler !== 'function') throw new TypeError('withWebhook(verifier, handler) needs a handler function');
  const rx = receiver(verifier, options, { Verifier: installedVerifier(), what: 'withWebhook(verifier, handler)' });
  const store = checkStore(options.store);
  return async function hooksealRoute(request, ...rest) {
    checkRequest(request);
    let verified;
    try {
      verified = await rx.receive([request, ...rest], (limit) => bodyOfRequest(request, limit), request.headers);
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
