// `hookseal/nest`: a NestJS guard that verifies a webhook route's raw body and sets
// `req.webhook`; a rejected delivery is answered with its status and `{error, message}`
// and the handler does not run.
//
// The guard sends that answer itself and denies the route: Nest then throws its
// ForbiddenException, whose filter sees the response sent and only ends it. So the answer
// is the core's table whatever exception filters the app has, and no class of
// @nestjs/common is needed here (an HttpException from another copy of it, as in a linked
// checkout, would be an unknown error to Nest: a 500).
//
// Nest's body parser runs before any guard, so the raw bytes come from one of:
//   NestFactory.create(AppModule, { rawBody: true })   Nest keeps req.rawBody (JSON and
//                                                       urlencoded bodies), the app keeps req.body
//   NestFactory.create(AppModule, { bodyParser: false }) nothing reads the body: the guard
//                                                       does, up to maxBody
// Express platform (the default), and the Fastify platform's request and reply.

// The engine, so the receive contract is loaded whichever entry was imported first.
import { Verifier } from './index.js';
import { HooksealError } from './errors.js';
import { errorAnswer, headersOf, isTyped, rawBody } from './node-body.js';
import { receiver } from './receiver.js';
import { checkStore, claimForResponse, sendAnswer } from './stores/dedupe.js';

const PARSED_MESSAGE =
  "the request body was already parsed by Nest's body parser, so the exact bytes that were signed " +
  'are gone. Create the app with NestFactory.create(AppModule, { rawBody: true }) (Nest then keeps ' +
  'req.rawBody for the guard), or with { bodyParser: false } (the guard reads the raw body itself).';

/**
 * A guard for one verifier: `@UseGuards(new WebhookGuard(verifier, { store }))`.
 *
 * @example
 * @Controller('hooks')
 * class HooksController {
 *   @Post('salesbooth')
 *   @UseGuards(new WebhookGuard(new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] })))
 *   receive(@Req() req) { console.log(req.webhook.kind); }
 * }
 */
export class WebhookGuard {
  #rx;
  #options;
  #store;

  /**
   * @param {{verify: Function, maxBody?: number} | object} verifier a hookseal Verifier, or a
   *   tenants config `{scheme, tenant: (req) => string, secrets: (tenant, req) => list | Promise<list>, ...}`
   *   (docs/tenants.md; `req` is the platform's request, `req.params` included)
   * @param {{now?: () => number, store?: import('../types/stores').ClaimStore, leaseMs?: number, ttlMs?: number,
   *   explain?: boolean, meter?: object | null}} [options]
   *   with a `store` each delivery is claimed with a lease before the handler runs: the
   *   status its response ends with decides (2xx: done; anything else, a thrown error
   *   included: released for the retry). `explain`, `meter`: docs/explain.md, docs/metrics.md.
   */
  constructor(verifier, options = {}) {
    this.#rx = receiver(verifier, options, { Verifier, what: 'new WebhookGuard(verifier)' });
    this.#options = options;
    this.#store = checkStore(options.store);
  }

  /** @param {import('@nestjs/common').ExecutionContext} context */
  async canActivate(context) {
    const http = context.switchToHttp();
    const req = http.getRequest();
    // The Fastify platform wraps Node's request and response (`.raw`); Express's are them.
    const nodeReq = req.raw ?? req;
    const res = http.getResponse().raw ?? http.getResponse();
    let verified;
    try {
      const read = (limit) => rawBody(nodeReq, limit, PARSED_MESSAGE, req.body, req.rawBody);
      verified = await this.#rx.receive([req], read, () => headersOf(nodeReq));
    } catch (e) {
      if (!isTyped(e)) throw e;
      sendAnswer(res, errorAnswer(e));
      return false;
    }
    req.webhook = verified;
    if (this.#store) {
      const answer = await claimForResponse(this.#store, verified, this.#options, res);
      if (answer) {
        sendAnswer(res, answer);
        return false;
      }
    }
    return true;
  }
}

export { HooksealError };
