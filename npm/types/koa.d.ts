import type { IncomingMessage } from 'node:http';
import type { HooksealError, Verified, Verifier } from './index.js';
import type { TenantsConfig, WebhookOptions } from './express.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/** What the middleware uses of a Koa context (Koa's `Context` is one). */
export interface KoaContextLike {
  req: IncomingMessage;
  request: { body?: unknown; rawBody?: unknown };
  /** `state.webhook`: the verified delivery, for the next middleware. */
  state: { webhook?: Verified; [key: string]: any };
  status: number;
  body: unknown;
  set(headers: { [name: string]: string }): void;
}

/**
 * Koa middleware that verifies the raw body (read up to `maxBody`, or a kept
 * `ctx.request.rawBody`) and sets `ctx.state.webhook`; a rejected delivery is answered
 * with its status and `{error, message}` and `next` does not run. A body a parser
 * already consumed is `body_already_parsed`.
 *
 * @example
 * const hooks = webhook(verifier, { store });
 * router.post('/hooks/salesos', hooks, (ctx) => { ctx.status = 204 });
 */
export declare function webhook(
  verifier: Pick<Verifier, 'verify' | 'maxBody'> | TenantsConfig<[ctx: any]>,
  options?: WebhookOptions,
): (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void>;
