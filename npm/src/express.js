// `hookseal/express`: middleware that verifies the raw body and hands the handler a
// `Verified` as `req.webhook`; on failure it answers the core's status with
// `{error: code, message}` and does not call the handler.

// The engine, so the receive contract is loaded whichever entry was imported first.
import './index.js';
import { HooksealError } from './errors.js';
import { bodyOf, errorAnswer, headersOf, isTyped, readRaw, verifyOptions } from './node-body.js';
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
 * @param {{verify: Function, maxBody?: number}} verifier a hookseal Verifier
 * @param {{now?: () => number, store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number}} [options]
 *   `now` gives unix seconds (tests, replays); with a `store` (hookseal/stores) each delivery
 *   is claimed with a lease (`leaseMs`, default 60 s) before the handler runs: the status
 *   the handler ends the response with decides (2xx: done for `ttlMs`, default 30 days;
 *   anything else: released for the retry). A retry while the handler runs is answered
 *   503 delivery_in_progress with Retry-After, a duplicate of a completed one 200
 *   `{"duplicate": true}`, a store failure 503 store_unavailable.
 */
export function webhook(verifier, options = {}) {
  if (!verifier || typeof verifier.verify !== 'function') {
    throw new TypeError('webhook(verifier) needs a hookseal Verifier');
  }
  const limit = verifier.maxBody ?? 1024 * 1024;
  const store = checkStore(options.store);
  return function hooksealWebhook(req, res, next) {
    const run = (raw) => {
      let verified;
      try {
        verified = verifier.verify(raw, headersOf(req), verifyOptions(options));
      } catch (e) {
        if (isTyped(e)) return send(res, e);
        return next(e);
      }
      req.webhook = verified;
      if (res.locals) res.locals.webhook = verified;
      if (store) return claimThenNext(store, verified, options, res, next);
      next();
    };
    const body = bodyOf(req, PARSED_MESSAGE);
    if (body instanceof HooksealError) return send(res, body);
    if (body !== undefined) return run(body);
    readRaw(req, limit).then(run, (e) => (e instanceof HooksealError ? send(res, e) : next(e)));
  };
}

export { HooksealError };
