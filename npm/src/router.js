// A router of verified deliveries by event kind, for one provider: `router.on(kind,
// handler)`, then `router.express` after the Express middleware or `router.fetch` as the
// Fetch helper's handler. A kind nobody routed is acknowledged (202), so the provider
// does not retry what this receiver chose not to handle. No Node built-ins.

import { HooksealError } from './errors.js';
import './events-schemas.js';
import { providers, schemaOf } from './events-validate.js';
import { errorResponse } from './fetch.js';

/** The status of a delivery whose handler returned no Response. */
const HANDLED = 204;
/** The status of a delivery of a kind with no handler (and no `otherwise`). */
const UNROUTED = 202;

const isResponse = (v) => typeof Response !== 'undefined' && v instanceof Response;

class Router {
  #provider;
  #kinds;
  #routes = new Map();
  #otherwise = null;
  #validate;

  constructor(provider, options) {
    const schema = typeof provider === 'string' ? schemaOf(provider) : null;
    if (schema === null) {
      throw new TypeError(`createRouter(provider): ${String(provider)} has no event schemas; the providers with schemas are ${providers().join(', ')}`);
    }
    this.#provider = provider;
    this.#kinds = schema.kinds;
    this.#validate = Boolean(options?.validate);
    /** The provider (scheme id) it routes. */
    this.provider = provider;
    // Own properties, so they can be handed over detached: `webhook(v), router.express`.
    this.express = (req, res, next) => this.#express(req, res, next);
    this.fetch = (verified, request, ...rest) => this.#fetch(verified, request, ...rest);
  }

  /**
   * Routes `kind` to `handler(event, verified, ...context)`: `event` is
   * `verified.event()`, `context` what the framework gives (`req, res` in Express, the
   * `Request` and the rest in Fetch). It returns nothing (answered 204) or a `Response`.
   * One handler per kind; a kind the provider's schema does not list is a TypeError
   * (`otherwise` gets those).
   */
  on(kind, handler) {
    if (typeof kind !== 'string' || !Object.hasOwn(this.#kinds, kind)) {
      throw new TypeError(`${String(kind)} is not a ${this.#provider} event kind (core/events/${this.#provider}.json); otherwise(handler) gets kinds the schema does not list`);
    }
    checkHandler(handler);
    if (this.#routes.has(kind)) throw new TypeError(`${kind} already has a handler`);
    this.#routes.set(kind, handler);
    return this;
  }

  /** The handler of every delivery no `on` matched (unknown kinds too); default: answered 202. */
  otherwise(handler) {
    checkHandler(handler);
    this.#otherwise = handler;
    return this;
  }

  /**
   * Runs the handler for `verified` and returns what it returned, or `undefined` for an
   * unrouted kind with no `otherwise` (the building block for other frameworks).
   * @throws HooksealError `invalid_payload` (not JSON; with `validate`, off-schema)
   */
  async dispatch(verified, ...context) {
    return (await this.#run(verified, context)).result;
  }

  async #run(verified, context) {
    if (verified?.scheme !== this.#provider) {
      throw new TypeError(`this router routes ${this.#provider} deliveries, not ${verified?.scheme ?? String(verified)}`);
    }
    const event = verified.event({ validate: this.#validate });
    const handler = (event.kind !== null && this.#routes.get(event.kind)) || this.#otherwise;
    if (!handler) return { routed: false };
    return { routed: true, result: await handler(event, verified, ...context) };
  }

  async #fetch(verified, request, ...rest) {
    let ran;
    try {
      ran = await this.#run(verified, [request, ...rest]);
    } catch (e) {
      if (e instanceof HooksealError) return errorResponse(e);
      throw e;
    }
    if (isResponse(ran.result)) return ran.result;
    return new Response(null, { status: ran.routed ? HANDLED : UNROUTED });
  }

  #express(req, res, next) {
    const verified = req.webhook;
    if (verified === undefined) {
      next(new TypeError('router.express runs after the webhook(verifier) middleware of hookseal/express, which sets req.webhook'));
      return;
    }
    this.#run(verified, [req, res]).then(
      async (ran) => {
        if (isResponse(ran.result)) return send(res, ran.result);
        if (res.headersSent) return;
        res.statusCode = ran.routed ? HANDLED : UNROUTED;
        res.end();
      },
      (e) => {
        if (!(e instanceof HooksealError) || res.headersSent) return next(e);
        res.statusCode = e.status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(e.toJSON()));
      },
    ).catch(next);
  }
}

/** Writes a Fetch `Response` a handler returned on an Express response. */
async function send(res, response) {
  const body = new Uint8Array(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(body);
}

function checkHandler(handler) {
  if (typeof handler !== 'function') throw new TypeError('a route needs a handler function');
}

/**
 * A router for `provider`'s deliveries (saleslab, salesos, salesbooth, salescaling).
 *
 * @example
 * const router = createRouter('salesos')
 *   .on('deal.won', (event) => crm.closeWon(event.payload.data.id));
 * app.post('/hooks/salesos', webhook(verifier, { store }), router.express);
 * export const POST = withWebhook(verifier, router.fetch, { store });
 *
 * @param {string} provider
 * @param {{validate?: boolean}} [options] `validate`: check each payload against its
 *   kind's schema; an off-schema one is answered 400 invalid_payload, without the handler
 */
export function createRouter(provider, options) {
  return new Router(provider, options);
}
