import type { HooksealError, Verified } from './index.js';
import type { ClaimStore } from './stores.js';
import type { ReceiveOptions, TenantsConfig } from './tenants.js';

export type { MeterLike, ReceiveOptions, TenantsConfig } from './tenants.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/** The connect/Express request as the middleware leaves it. */
export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  /** Set by the middleware for a genuine delivery. */
  webhook?: Verified;
}

export interface WebhookOptions extends ReceiveOptions {
  /** The time to verify at, in unix seconds (tests and replays). Default: now. */
  now?: () => number;
  /**
   * Claims each delivery with a lease before the handler (see `hookseal/stores`): the
   * status the handler ends the response with decides (2xx completes; anything else
   * releases, so the provider's retry runs the handler). A client disconnect does not
   * release while the handler runs. A retry while it runs: 503 delivery_in_progress with
   * Retry-After; a duplicate of a completed one: 200 `{"duplicate": true}`; a store
   * failure: 503 store_unavailable.
   */
  store?: ClaimStore;
  /** The processing lease, in milliseconds. Default: 60 s (the core's). */
  leaseMs?: number;
  /** How long a completed claim lasts, in milliseconds. Default: 30 days. */
  ttlMs?: number;
}

/**
 * Middleware that verifies the raw body and sets `req.webhook` (and
 * `res.locals.webhook`); on failure it answers the error's status with
 * `{error: code, message}`. Mount `express.raw({ type: '*' + '/*' })` before it, or no
 * body parser at all (it then reads the body itself, up to `maxBody`). A body already
 * parsed by `express.json()` is answered with `body_already_parsed` (500) and a message
 * saying how to fix the route, instead of a signature mismatch.
 *
 * @example
 * import express from 'express';
 * import { Verifier } from 'hookseal';
 * import { webhook } from 'hookseal/express';
 * const verifier = new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET!] });
 * app.post('/hooks/saleslab', express.raw({ type: 'application/json' }), webhook(verifier), (req, res) => {
 *   console.log(req.webhook.kind);
 *   res.sendStatus(204);
 * });
 */
export declare function webhook(
  verifier: { verify: Function; maxBody?: number } | TenantsConfig<[req: any]>,
  options?: WebhookOptions,
): (req: any, res: any, next: (err?: unknown) => void) => void;

declare global {
  namespace Express {
    interface Request {
      /** The verified delivery, set by hookseal's `webhook()` middleware. */
      webhook?: Verified;
    }
  }
}
