// `hookseal/fastify`: a Fastify plugin that declares one webhook route in its own
// encapsulated scope, where a raw-body content parser replaces Fastify's JSON parser
// (for this route only: the rest of the app keeps its parsers), verifies the delivery in
// a preHandler and hands it to the handler as `request.webhook`. A rejected delivery is
// answered with its status and `{error, message}`; the handler does not run.

// The engine, so the receive contract is loaded whichever entry was imported first.
import { Verifier } from './index.js';
import { HooksealError } from './errors.js';
import { errorAnswer, isTyped, readRaw } from './node-body.js';
import { receiver } from './receiver.js';
import { checkStore, claimForResponse } from './stores/dedupe.js';

const send = (reply, { status, headers, body }) => reply.code(status).headers(headers).send(body);

/**
 * The plugin: `app.register(webhook, { verifier, url, handler, store? })`.
 *
 * @example
 * import Fastify from 'fastify';
 * import { webhook } from 'hookseal/fastify';
 * const app = Fastify();
 * app.register(webhook, {
 *   verifier: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET] }),
 *   url: '/hooks/saleslab',
 *   handler: async (request) => ({ received: request.webhook.kind }),
 * });
 *
 * @param {import('fastify').FastifyInstance} scope the plugin's own scope
 * @param {{verifier: {verify: Function, maxBody?: number}, url: string, handler: Function,
 *   method?: string | string[], route?: object, now?: () => number,
 *   store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
 *   explain?: boolean, meter?: object | null}} options
 *   `verifier` may be a tenants config `{scheme, tenant: (request) => string, secrets}`
 *   (docs/tenants.md; the tenant from `request.params` or a header); `route`: more Fastify
 *   route options (schema, config, ...); with a `store` each delivery is claimed with a
 *   lease before the handler runs, and the status the reply is sent with decides (2xx:
 *   done; anything else, a thrown error included: released). `explain`, `meter`: as the
 *   other helpers (docs/explain.md, docs/metrics.md).
 */
export async function webhook(scope, options) {
  const { verifier, url, handler } = options ?? {};
  if (typeof url !== 'string' || typeof handler !== 'function') {
    throw new TypeError('the hookseal/fastify plugin needs `url` (the route) and `handler` options');
  }
  const rx = receiver(verifier, options, { Verifier, what: 'the hookseal/fastify plugin (its `verifier` option)' });
  const limit = rx.limit;
  const store = checkStore(options.store);

  // This scope only: every content type is read as the raw bytes, with the byte counter.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (request, payload, done) => {
    readRaw(payload, limit).then((raw) => done(null, raw), done);
  });
  scope.decorateRequest('webhook', null);
  scope.setErrorHandler((error, request, reply) => {
    if (isTyped(error)) return send(reply, errorAnswer(error));
    throw error; // to the app's own error handler
  });

  scope.route({
    method: options.method ?? 'POST',
    url,
    ...options.route,
    async preHandler(request, reply) {
      // No body at all (Content-Length: 0) leaves the parser out.
      const raw = request.body ?? new Uint8Array(0);
      request.webhook = await rx.receive([request], () => raw, request.raw.rawHeaders);
      if (!store) return;
      const answer = await claimForResponse(store, request.webhook, options, reply.raw);
      if (answer) return send(reply, answer);
    },
    handler,
  });
}

// Runs in the scope `register` makes, so the parser stays in it (no fastify-plugin).
webhook[Symbol.for('fastify.display-name')] = 'hookseal';

export { HooksealError };
