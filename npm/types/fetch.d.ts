import type { HooksealError, Verified, Verifier, VerifyOptions } from './index.js';
import type { ClaimStore } from './stores.js';
import type { ReceiveOptions, TenantsConfig } from './tenants.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/**
 * Reads the raw body of a Fetch API `Request` once and verifies it.
 * Rejects with HooksealError (or `body_already_parsed` when the body was already read).
 *
 * @example
 * // Next.js App Router: app/api/hooks/salesbooth/route.ts
 * const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET!] });
 * export async function POST(request: Request) {
 *   const event = await verifyRequest(request, verifier);
 *   return Response.json({ received: event.kind });
 * }
 */
export declare function verifyRequest(
  request: Request,
  verifier: Pick<Verifier, 'verify' | 'maxBody'>,
  /** `explain` (or HOOKSEAL_EXPLAIN=1): a rejection's error carries `err.explanation` (development only). */
  options?: VerifyOptions & { explain?: boolean },
): Promise<Verified>;

/**
 * Wraps a route handler so it runs only for genuine deliveries; others get
 * `errorResponse(error)`.
 *
 * @example
 * // Hono
 * const handle = withWebhook(verifier, (event) => new Response(null, { status: 204 }));
 * app.post('/hooks/salesbooth', (c) => handle(c.req.raw));
 */
export declare function withWebhook<Rest extends unknown[]>(
  verifier: Pick<Verifier, 'verify' | 'maxBody'> | TenantsConfig<[request: Request, ...rest: Rest]>,
  handler: (verified: Verified, request: Request, ...rest: Rest) => Response | Promise<Response>,
  /**
   * `store`: each delivery is claimed with a lease (`leaseMs`, default 60 s) before the
   * handler (see `hookseal/stores`); a 2xx Response completes it (done for `ttlMs`,
   * default 30 days), any other status or a throw releases it. A retry while it runs:
   * 503 delivery_in_progress with Retry-After; a duplicate of a completed one: 200
   * `{"duplicate": true}`; a store failure: 503 store_unavailable.
   */
  options?: ReceiveOptions & { store?: ClaimStore; leaseMs?: number; ttlMs?: number; now?: () => number },
): (request: Request, ...rest: Rest) => Promise<Response>;

/**
 * The response for a HooksealError: its HTTP status and `{error: code, message}`.
 *
 * @example
 * catch (e) { if (e instanceof HooksealError) return errorResponse(e) }
 */
export declare function errorResponse(error: HooksealError): Response;
