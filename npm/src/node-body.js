// The raw body and the answers of the helpers that run on a Node request (`http`'s
// IncomingMessage / ServerResponse): Express, Koa, NestJS, Next.js Pages Router, and the
// Fastify plugin's parser. Node only; the Fetch helper has its own reader.

import { HooksealError } from './errors.js';
import { isTyped, rejection } from './receiver.js';

/**
 * Reads an unread request stream ourselves (no body parser ran), with a byte counter:
 * past `limit` bytes it stops, whatever Content-Length or the chunked framing said, so
 * no more than `limit` bytes are ever held. The rest of the request is left to Node,
 * which discards it once the 413 is sent.
 * @param {import('node:stream').Readable} req
 * @param {number} limit
 * @returns {Promise<Buffer>}
 */
export function readRaw(req, limit) {
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

const isRaw = (v) => v instanceof Uint8Array || typeof v === 'string';

/**
 * The raw body the app already has, `undefined` when nothing has read it yet, or the
 * `body_already_parsed` error with `parsedMessage` (the fix for that framework).
 *
 * Raw bytes kept the common way are used as they are: `req.rawBody` (Express's
 * `express.json({ verify: (req, res, buf) => { req.rawBody = buf } })`, NestJS's
 * `rawBody: true`), or a raw parser's `req.body` (`express.raw()`).
 * @param {any} req
 * @param {string} parsedMessage
 * @param {unknown} [body] the parsed body where the framework keeps it (default `req.body`)
 * @param {unknown} [kept] the kept raw bytes (default `req.rawBody`)
 */
export function bodyOf(req, parsedMessage, body = req.body, kept = req.rawBody) {
  if (isRaw(kept)) return kept;
  if (isRaw(body)) return body;
  const unread = !req._body && !req.readableEnded;
  if (body === undefined || body === null || (unread && isEmptyObject(body))) {
    return unread ? undefined : new Uint8Array(0);
  }
  return new HooksealError('body_already_parsed', parsedMessage);
}

function isEmptyObject(v) {
  return typeof v === 'object' && Object.keys(v).length === 0;
}

/**
 * The raw body of `req`: kept, or read with `readRaw` up to `limit`. Rejects with a
 * HooksealError (`body_already_parsed`, `payload_too_large`, `unreadable_body`).
 * @returns {Promise<Uint8Array | string>}
 */
export async function rawBody(req, limit, parsedMessage, body, kept) {
  const found = bodyOf(req, parsedMessage, body, kept);
  if (found instanceof HooksealError) throw found;
  return found ?? readRaw(req, limit);
}

/**
 * The headers to verify with: `rawHeaders` keeps every repeat, in order (`headers`
 * drops a second Authorization, for one), and the header rule joins them with ", ".
 */
export const headersOf = (req) => req.rawHeaders ?? req.headers;

/** The answer for a HooksealError (receiver.js): `{status, headers, body}`, its status and `{error, message}`. */
export const errorAnswer = rejection;

/** `options.now` (a function giving unix seconds) as verify's options. */
export const verifyOptions = (options) => (options?.now ? { now: options.now() } : undefined);

export { isTyped };
