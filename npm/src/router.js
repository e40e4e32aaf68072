// A router of verified deliveries by event kind, for one provider: `router.on(kind,
// handler)`, then `router.express` after the Express middleware or `router.fetch` as the
// Fetch helper's handler. A kind nobody routed is acknowledged, 200 {"received": true}
// as in every runtime, so the provider does not retry what this receiver chose not to
// handle. No Node built-ins.

import { HooksealError } from './errors.js';
import './events-schemas.js';
import { providers, schemaOf } from './events-validate.js';
import { errorResponse } from './fetch.js';

/** The answer to a delivery with no handler (and no `otherwise`), or whose handler returned nothing. */
const ACKNOWLEDGED = { received: true };

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
   * `Request` and the rest in Fetch). What it returns is the answer: a `Response` as it
   * is, nothing as 200 `{"received": true}`, any other value as 200 JSON.
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

  /** The handler of every delivery no `on` matched (unknown kinds too); without it, 200 `{"received": true}`. */
  otherwise(handler) {
    checkHandler(handler);
    this.#otherwise = handler;
    return this;
  }

  /**
   * Runs the handler for `verified` and returns what it returned, or `{received: true}`
   * when it returned nothing or no handler takes the kind (for other frameworks).
   * @throws HooksealError `invalid_payload` (not JSON; with `validate`, off-schema)
   */
  async dispatch(verified, ...context) {
    const result = await this.#run(verified, context);
    return result === undefined ? ACKNOWLEDGED : result;
  }

  async #run(verified, context) {
    if (verified?.scheme !== this.#provider) {
      throw new TypeError(`this router routes ${this.#provider} deliveries, not ${verified?.scheme ?? String(verified)}`);
    }
    const event = verified.event({ validate: this.#validate });
    const handler = (event.kind !== null && this.#routes.get(event.kind)) || this.#otherwise;
    return handler ? handler(event, verified, ...context) : undefined;
  }

  async #fetch(verified, request, ...rest) {
    let result;
    try {
      result = await this.dispatch(verified, request, ...rest);
    } catch (e) {
      if (e instanceof HooksealError) return errorResponse(e);
      throw e;
    }
    return isResponse(result) ? result : Response.json(result);
  }

  #express(req, res, next) {
    const verified = req.webhook;
    if (verified === undefined) {
      next(new TypeError('router.express runs after the webhook(verifier) middleware of hookseal/express, which sets req.webhook'));
      return;
    }
    this.#run(verified, [req, res]).then(
      (result) => {
        if (isResponse(result)) return send(res, result);
        // A handler that answered through `res` itself has said what it had to.
        if (res.headersSent) return;
        sendJson(res, 200, result === undefined ? ACKNOWLEDGED : result);
      },
      (e) => {
        if (!(e instanceof HooksealError) || res.headersSent) return next(e);
        sendJson(res, e.status, e.toJSON());
      },
    ).catch(next);
  }
}

function sendJson(res, status, value) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(value));
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
