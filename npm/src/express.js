// `hookseal/express`: middleware that verifies the raw body and hands the handler a
// `Verified` as `req.webhook`; on failure it answers the core's status with
// `{error: code, message}` and does not call the handler.

// The engine, so the receive contract is loaded whichever entry was imported first.
import './index.js';
import { HooksealError } from './errors.js';
import { checkStore, claimThenNext } from './stores/dedupe.js';

const PARSED_MESSAGE =
  'the request body was already parsed (by express.json() or a similar parser), so the exact ' +
  'bytes that were signed are gone. Mount no body parser on this route (the hookseal middleware ' +
  'reads the raw body itself), or express.raw({ type: "*/*", limit: verifier.maxBody }) before ' +
  'it, and make sure no express.json() runs before it for this path.';

function send(res, err) {
  res.statusCode = err.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(err.toJSON()));
}

/**
 * Reads the unread request stream ourselves (no body parser ran), with a byte counter:
 * past `limit` bytes it stops, whatever Content-Length or the chunked framing said, so
 * no more than `limit` bytes are ever held. The rest of the request is left to Node,
 * which discards it once the 413 is sent.
 */
function readRaw(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (fn, value) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      fn(value);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish(reject, new HooksealError('payload_too_large', `the body is over the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish(resolve, Buffer.concat(chunks)));
    const unreadable = () => finish(reject, new HooksealError('unreadable_body'));
    req.on('error', unreadable);
    req.on('close', () => !req.complete && unreadable());
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
  const clock = options.now;
  const store = checkStore(options.store);
  return function hooksealWebhook(req, res, next) {
    const run = (raw) => {
      let verified;
      try {
        // rawHeaders keeps every repeat, in order (req.headers drops a second
        // Authorization, for one): the header rule joins them with ", ".
        verified = verifier.verify(raw, req.rawHeaders ?? req.headers, clock ? { now: clock() } : undefined);
      } catch (e) {
        if (e instanceof HooksealError || typeof e?.status === 'number') return send(res, e);
        return next(e);
      }
      req.webhook = verified;
      if (res.locals) res.locals.webhook = verified;
      if (store) return claimThenNext(store, verified, options, res, next);
      next();
    };
    const body = bodyOf(req);
    if (body instanceof HooksealError) return send(res, body);
    if (body !== undefined) return run(body);
    readRaw(req, limit).then(run, (e) => (e instanceof HooksealError ? send(res, e) : next(e)));
  };
}

export { HooksealError };
