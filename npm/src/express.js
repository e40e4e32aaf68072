// `hookseal/express`: middleware that verifies the raw body and hands the handler a
// `Verified` as `req.webhook`; on failure it answers the core's status with
// `{error: code, message}` and does not call the handler.

// The engine, so the receive contract is loaded whichever entry was imported first.
import { Verifier } from './index.js';
import { HooksealError } from './errors.js';
import { bodyOf, errorAnswer, headersOf, isTyped, readRaw } from './node-body.js';
import { receiver } from './receiver.js';
import { checkStore, claimThenNext, sendAnswer } from './stores/dedupe.js';

const send = (res, err) => sendAnswer(res, errorAnswer(err));

const PARSED_MESSAGE =
  'the request body was already parsed (by express.json() or a similar parser), so the exact ' +
  'bytes that were signed are gone. Mount no body parser on this route (the hookseal middleware ' +
  'reads the raw body itself), or express.raw({ type: "*/*", limit: verifier.maxBody }) before ' +
  'it; or, with an app-wide parser, keep the raw bytes: ' +
  'express.json({ limit: verifier.maxBody, verify: (req, res, buf) => { req.rawBody = buf } }).';

/**
 * Express (or any connect-style) middleware for one verifier.
 *
 * @example
 * import express from 'express';
 * import { Verifier } from 'hookseal';
 * import { webhook } from 'hookseal/express';
 * const verifier = new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET] });
 * // No body parser on the route: the middleware reads the raw body itself, up to maxBody.
 * app.post('/hooks/saleslab', webhook(verifier), (req, res) => {
 *   console.log(req.webhook.kind, req.webhook.json());
 *   res.sendStatus(204);
 * });
 *
 * @param {{verify: Function, maxBody?: number} | object} verifier a hookseal Verifier, or a
 *   tenants config `{scheme, tenant: (req) => string, secrets: (tenant, req) => list | Promise<list>,
 *   tenantCache?: {max, ttl}, ...verifier options}` (docs/tenants.md): each request is verified
 *   with its tenant's secrets, and `req.webhook.tenant` is that tenant
 * @param {{now?: () => number, store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
 *   explain?: boolean, meter?: object | null}} [options]
 *   `now` gives unix seconds (tests, replays); with a `store` (hookseal/stores) each delivery
 *   is claimed with a lease (`leaseMs`, default 60 s) before the handler runs: the status
 *   the handler ends the response with decides (2xx: done for `ttlMs`, default 30 days;
 *   anything else: released for the retry). A retry while the handler runs is answered
 *   503 delivery_in_progress with Retry-After, a duplicate of a completed one 200
 *   `{"duplicate": true}`, a store failure 503 store_unavailable. `explain` (or
 *   HOOKSEAL_EXPLAIN=1) adds the diagnosis to a rejection (docs/explain.md; development
 *   only); `meter`: an OpenTelemetry Meter (docs/metrics.md).
 */
export function webhook(verifier, options = {}) {
  const rx = receiver(verifier, options, { Verifier, what: 'webhook(verifier)' });
  const store = checkStore(options.store);
  return function hooksealWebhook(req, res, next) {
    const body = bodyOf(req, PARSED_MESSAGE);
    const read =
      body === undefined
        ? (limit) => readRaw(req, limit)
        : () => {
            if (body instanceof HooksealError) throw body;
            return body;
          };
    rx.receive([req], read, () => headersOf(req)).then(
      (verified) => {
        req.webhook = verified;
        if (res.locals) res.locals.webhook = verified;
        if (store) return claimThenNext(store, verified, options, res, next);
        next();
      },
      (e) => (isTyped(e) ? send(res, e) : next(e)),
    );
  };
}

export { HooksealError };
