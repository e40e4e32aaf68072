// `hookseal/express`: middleware that verifies the raw body and hands the handler a
// `Verified` as `req.webhook`; on failure it answers the SPEC's status with
// `{error: code, message}` and does not call the handler.

import { HooksealError } from './errors.js';
import { checkStore, claimThenNext } from './stores/dedupe.js';

const PARSED_MESSAGE =
  'the request body was already parsed (by express.json() or a similar parser), so the exact ' +
  'bytes that were signed are gone. Mount express.raw({ type: "*/*" }) on this route before ' +
  'the hookseal middleware, and make sure no express.json() runs before it for this path.';

function send(res, err) {
  res.statusCode = err.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(err.toJSON()));
}

/** Reads the unread request stream ourselves (no body parser ran), up to `limit` + 1 bytes. */
function readRaw(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      fn(value);
    };
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(reject, new HooksealError('payload_too_large', `the body is over the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(resolve, Buffer.concat(chunks)));
    req.on('error', (e) => finish(reject, e));
  });
}

/** The raw body the app already has, `undefined` when nothing has read it yet, or an error. */
function bodyOf(req) {
  const body = req.body;
  if (body instanceof Uint8Array || typeof body === 'string') return body;
  const unread = !req._body && !req.readableEnded;
  if (body === undefined || (unread && isEmptyObject(body))) return unread ? undefined : new Uint8Array(0);
  return new HooksealError('body_already_parsed', PARSED_MESSAGE);
}

function isEmptyObject(v) {
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

/**
 * Express (or any connect-style) middleware for one verifier.
 *
 * @example
 * import express from 'express';
 * import { Verifier } from 'hookseal';
 * import { webhook } from 'hookseal/express';
 * const verifier = new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET] });
 * app.post('/hooks/saleslab', express.raw({ type: '*' + '/*' }), webhook(verifier), (req, res) => {
 *   console.log(req.webhook.kind, req.webhook.json());
 *   res.sendStatus(204);
 * });
 *
 * @param {{verify: Function, maxBody?: number}} verifier a hookseal Verifier
 * @param {{now?: () => number, store?: {claim: Function, release: Function}, ttlMs?: number}} [options]
 *   `now` gives unix seconds (tests, replays); with a `store` (hookseal/stores) each delivery
 *   runs the handler once: a duplicate is answered 200 `{"duplicate": true}`, and a 5xx
 *   answer (or a connection closed mid-response) releases the claim for the retry
 */
export function webhook(verifier, options = {}) {
  if (!verifier || typeof verifier.verify !== 'function') {
    throw new TypeError('webhook(verifier) needs a hookseal Verifier');
  }
  const limit = verifier.maxBody ?? 1024 * 1024;
  const clock = options.now;
  const store = checkStore(options.store);
  return function hooksealWebhook(req, res, next) {
    const run = (raw) => {
      let verified;
      try {
        verified = verifier.verify(raw, req.headers, clock ? { now: clock() } : undefined);
      } catch (e) {
        if (e instanceof HooksealError || typeof e?.status === 'number') return send(res, e);
        return next(e);
      }
      req.webhook = verified;
      if (res.locals) res.locals.webhook = verified;
      if (store) return claimThenNext(store, verified, options.ttlMs, res, next);
      next();
    };
    const body = bodyOf(req);
    if (body instanceof HooksealError) return send(res, body);
    if (body !== undefined) return run(body);
    readRaw(req, limit).then(run, (e) => (e instanceof HooksealError ? send(res, e) : next(e)));
  };
}

export { HooksealError };
