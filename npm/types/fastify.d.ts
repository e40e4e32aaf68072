import type { FastifyPluginAsync, FastifyReply, FastifyRequest, HTTPMethods, RouteShorthandOptions } from 'fastify';
import type { HooksealError, Verified, Verifier } from './index.js';
import type { TenantsConfig, WebhookOptions } from './express.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/** The options of `app.register(webhook, options)`: one webhook route. */
export interface WebhookPluginOptions extends WebhookOptions {
  verifier: Pick<Verifier, 'verify' | 'maxBody'> | TenantsConfig<[request: any]>;
  /** The route's path. */
  url: string;
  /** Default `'POST'`. */
  method?: HTTPMethods | HTTPMethods[];
  /** Runs for genuine deliveries only, with `request.webhook` set and `request.body` the raw bytes. */
  handler: (request: FastifyRequest & { webhook: Verified; body: Buffer }, reply: FastifyReply) => unknown;
  /** More Fastify route options (schema, config, ...). */
  route?: RouteShorthandOptions;
}

/**
 * A Fastify plugin that declares one webhook route in its own scope, where a raw-body
 * parser (bounded at `maxBody`) replaces the JSON parser for this route only; the
 * delivery is verified in a preHandler and a rejected one answered with its status and
 * `{error, message}`.
 *
 * @example
 * app.register(webhook, { verifier, url: '/hooks/saleslab', handler: async (request) => ({ kind: request.webhook.kind }) });
 */
export declare const webhook: FastifyPluginAsync<WebhookPluginOptions>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified delivery, on a hookseal `webhook` route (null elsewhere). */
    webhook: Verified | null;
  }
}
