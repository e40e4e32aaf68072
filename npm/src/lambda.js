// `hookseal/lambda`: AWS Lambda handlers behind API Gateway (REST APIs, payload 1.0; HTTP
// APIs, payload 2.0), Lambda Function URLs (2.0) and Application Load Balancer targets.
// The event carries the body as a string, base64 when `isBase64Encoded` (any body that is
// not text): the exact signed bytes are that string decoded, never re-encoded text.

// The engine, so the receive contract is loaded whichever entry was imported first.
import { Verifier } from './index.js';
import { STATUS_CODES } from 'node:http';
import { HooksealError } from './errors.js';
import { errorAnswer, isTyped } from './node-body.js';
import { receiver, verifyExplained } from './receiver.js';
import { checkStore, runOnce } from './stores/dedupe.js';

const isAlb = (event) => Boolean(event.requestContext?.elb);
const isV2 = (event) => event.version === '2.0';

/**
 * The raw body of `event`. Its size is checked before it is decoded (base64 is 4/3 of the
 * bytes), so a body over `limit` is refused without a copy of it.
 * @returns {Uint8Array}
 */
function eventBody(event, limit) {
  const body = event.body ?? '';
  if (typeof body !== 'string') throw new TypeError('the event body must be a string (a Lambda HTTP event)');
  const encoding = event.isBase64Encoded ? 'base64' : 'utf8';
  const size = Buffer.byteLength(body, encoding);
  if (size > limit) throw new HooksealError('payload_too_large', `the body is ${size} bytes; the limit is ${limit}`);
  return Buffer.from(body, encoding);
}

/**
 * The request headers of `event` as `[name, value]` pairs, every repeat kept in order:
 * payload 1.0 (REST, ALB with multi-value headers on) lists each value under
 * `multiValueHeaders` (its `headers` keeps only the last one); 2.0 joins repeats with
 * "," in `headers` and moves the Cookie header to `cookies`.
 */
function eventHeaders(event) {
  const pairs = [];
  const multi = event.multiValueHeaders;
  if (multi && typeof multi === 'object' && Object.keys(multi).length > 0) {
    for (const [name, values] of Object.entries(multi)) for (const v of values ?? []) pairs.push([name, v]);
  } else if (event.headers && typeof event.headers === 'object') {
    for (const [name, value] of Object.entries(event.headers)) if (value != null) pairs.push([name, value]);
  }
  if (Array.isArray(event.cookies) && event.cookies.length > 0) pairs.push(['cookie', event.cookies.join('; ')]);
  return pairs;
}

/**
 * An answer (`{status, headers, body}`) in the response shape of `event`'s integration:
 * ALB wants a `statusDescription`, and `multiValueHeaders` when the target group has them on.
 */
export function toResult(event, { status, headers, body }) {
  const result = { statusCode: status, headers, body, isBase64Encoded: false };
  if (!isAlb(event)) return result;
  result.statusDescription = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  if (event.multiValueHeaders) {
    delete result.headers;
    result.multiValueHeaders = Object.fromEntries(Object.entries(headers).map(([n, v]) => [n, [v]]));
  }
  return result;
}

/**
 * Verifies the delivery an HTTP event of Lambda carries (API Gateway REST or HTTP API,
 * Function URL, ALB): its exact raw bytes and its headers in whichever shape it has.
 * Throws HooksealError.
 *
 * @param {object} event the Lambda event
 * @param {{verify: Function, maxBody?: number}} verifier a hookseal Verifier
 * @param {{now?: number | Date, explain?: boolean}} [options] `now` in unix seconds (tests, replays);
 *   `explain` (or HOOKSEAL_EXPLAIN=1): a rejection's error carries `err.explanation` (docs/explain.md)
 * @returns {import('./verified.js').Verified}
 */
export function verifyEvent(event, verifier, options) {
  checkEvent(event);
  if (!verifier || typeof verifier.verify !== 'function') {
    throw new TypeError('verifyEvent(event, verifier) needs a hookseal Verifier');
  }
  return verifyExplained(verifier, eventBody(event, verifier.maxBody ?? 1024 * 1024), eventHeaders(event), options);
}

function checkEvent(event) {
  if (!event || typeof event !== 'object' || !('body' in event || 'headers' in event)) {
    throw new TypeError('verifyEvent(event, verifier) needs a Lambda HTTP event (API Gateway, Function URL or ALB)');
  }
}

/**
 * The status a handler's result answers with: its `statusCode`; for payload 2.0 a result
 * without one is answered 200 by AWS (its JSON as the body); `null` otherwise (AWS
 * answers 502 to a 1.0 result without a status).
 */
function statusOf(event, result) {
  if (typeof result?.statusCode === 'number') return result.statusCode;
  return isV2(event) && result !== undefined && result !== null ? 200 : null;
}

/**
 * Wraps a Lambda handler: it runs only for verified deliveries, as
 * `handler(verified, event, context)`, and returns the result for the event's
 * integration; others get the error's status and `{error, message}` in that shape.
 *
 * @example
 * export const handler = withWebhook(verifier, async (event) => {
 *   console.log(event.kind, event.idempotencyKey);
 *   return { statusCode: 204, body: '' };
 * }, { store });
 *
 * @param {{verify: Function, maxBody?: number} | object} verifier a hookseal Verifier, or a tenants
 *   config `{scheme, tenant: (event, context) => string, secrets: (tenant, event, context) => list |
 *   Promise<list>, ...}` (docs/tenants.md; the tenant from `event.pathParameters` or a header)
 * @param {(verified: any, event: any, context: any) => any} handler
 * @param {{now?: () => number, store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
 *   explain?: boolean, meter?: object | null}} [options] `explain`, `meter`: docs/explain.md, docs/metrics.md;
 *   with a `store` each delivery is claimed with a lease before the handler runs: a 2xx
 *   result completes it, anything else (or a throw) releases it for the retry; a retry
 *   while the handler runs is answered 503 delivery_in_progress with Retry-After, a
 *   duplicate 200 `{"duplicate": true}`, a store failure 503 store_unavailable.
 */
export function withWebhook(verifier, handler, options = {}) {
  if (typeof handler !== 'function') throw new TypeError('withWebhook(verifier, handler) needs a handler function');
  const rx = receiver(verifier, options, { Verifier, what: 'withWebhook(verifier, handler)' });
  const store = checkStore(options.store);
  return async function hooksealLambda(event, context) {
    checkEvent(event);
    let verified;
    try {
      verified = await rx.receive([event, context], (limit) => eventBody(event, limit), () => eventHeaders(event));
    } catch (e) {
      if (isTyped(e)) return toResult(event, errorAnswer(e));
      throw e;
    }
    if (!store) return handler(verified, event, context);
    const done = await runOnce(store, verified, {
      leaseMs: options.leaseMs,
      ttlMs: options.ttlMs,
      handler: async () => {
        const result = await handler(verified, event, context);
        return { status: statusOf(event, result), result };
      },
      answer: (answer) => ({ result: toResult(event, answer) }),
    });
    return done.result;
  };
}

export { HooksealError };
