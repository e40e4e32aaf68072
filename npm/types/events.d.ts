/**
 * `hookseal/events`: typed events for the providers with schemas (core/events/), a
 * router by kind, and the validator.
 *
 * @example
 * import { Verifier } from 'hookseal';
 * import { createRouter } from 'hookseal/events';
 * const verifier = new Verifier('salesos', { secrets: [process.env.SALESOS_SECRET!] });
 * const event = verifier.verify(body, headers).event();
 * switch (event.kind) {
 *   case 'deal.won': console.log(event.payload.data.value); break;   // number | undefined
 *   default: console.log(`not handled: ${event.kind}`);
 * }
 */

import type { Scheme, Verified } from './index.js';
import type { EventPayloads, KnownEvents, Provider } from './events-catalog.js';

export type * from './events-catalog.js';


/**
 * The kind of a delivery its provider's schema does not list (a kind newer than the
 * schema): a string at run time. It is typed apart from `string` so that
 * `switch (event.kind)` narrows the known kinds' payloads and rejects a misspelt one;
 * `String(event.kind)` or a template literal gives the string.
 */
export interface UnknownKind {
  readonly 'hookseal.unknownKind': true;
}

/**
 * The generic form of an event: a kind the schema does not list, a scheme without
 * schemas, or no kind at all (`null`). `payload` is the body as `JSON.parse` gives it.
 */
export interface UnknownEvent {
  kind: UnknownKind | null;
  payload: unknown;
}

/** Each scheme's events: its known events and the generic form, or only the generic form. */
export type EventsByScheme = { [S in Scheme]: S extends Provider ? KnownEvents[S] | UnknownEvent : UnknownEvent };

/**
 * What `verified.event()` gives for a scheme: its known events, or the generic form.
 * (An indexed access, not a conditional on `S`, so `Verified<'salesos'>` is a
 * `Verified` without TypeScript comparing every pair of events.)
 */
export type EventOf<S extends Scheme = Scheme> = EventsByScheme[S];

/** The kinds `P`'s schema lists. */
export type KindOf<P extends Provider> = keyof EventPayloads[P] & string;

/** The event of kind `K` of provider `P`. */
export type EventByKind<P extends Provider, K extends KindOf<P>> = Extract<KnownEvents[P], { kind: K }>;

export interface EventOptions {
  /**
   * Check the payload against its kind's schema; an off-schema payload is
   * `invalid_payload` (400) naming the JSON path. Extra fields and unknown kinds pass.
   */
  validate?: boolean;
}

/**
 * What a route handler returns is the answer: a `Response` as it is, nothing as 200
 * `{"received": true}`, any other value as 200 JSON.
 */
export type RouteResult = unknown;

/**
 * A route's handler. `context` is what the framework gives: `req, res` in Express, the
 * `Request` (and the rest of the route's arguments) in Fetch.
 */
export type RouteHandler<E, P extends Provider> = (event: E, verified: Verified<P>, ...context: any[]) => RouteResult;

export interface Router<P extends Provider> {
  /** The provider it routes. */
  readonly provider: P;
  /**
   * Routes `kind` to `handler`, whose `event` is typed for that kind. One handler per
   * kind; a kind the schema does not list is a TypeError (`otherwise` gets those).
   */
  on<K extends KindOf<P>>(kind: K, handler: RouteHandler<EventByKind<P, K>, P>): this;
  /** Gets every delivery no `on` matched, unknown kinds too. Without it they are answered 200 `{"received": true}`. */
  otherwise(handler: RouteHandler<EventOf<P>, P>): this;
  /** Runs the matching handler and gives what it returned (`{received: true}` for nothing, or unrouted). */
  dispatch(verified: Verified<P>, ...context: any[]): Promise<unknown>;
  /**
   * The Express handler, after `webhook(verifier, { store })`: answers what the handler
   * returned (unless it answered through `res`); `invalid_payload` 400; another throw
   * goes to `next`.
   */
  readonly express: (req: any, res: any, next: (err?: unknown) => void) => void;
  /** The handler of `withWebhook(verifier, router.fetch, { store })`. */
  readonly fetch: (verified: Verified, request: Request, ...rest: any[]) => Promise<Response>;
}

/**
 * A router of `provider`'s verified deliveries by kind.
 *
 * @example
 * const router = createRouter('salesos', { validate: true })
 *   .on('deal.won', (event) => crm.closeWon(event.payload.data.id))
 *   .on('lead.created', async (event) => { await crm.addLead(event.payload.data) });
 * app.post('/hooks/salesos', webhook(verifier, { store }), router.express);
 */
export declare function createRouter<P extends Provider>(provider: P, options?: EventOptions): Router<P>;

/** The kinds `provider`'s schema lists, in its order. */
export declare function eventKinds<P extends Provider>(provider: P): KindOf<P>[];

/** The providers with schemas. */
export declare const PROVIDERS: readonly Provider[];

/**
 * Checks `event` against its kind's schema, as `verified.event({ validate: true })` does.
 * @throws HooksealError `invalid_payload`
 */
export declare function validateEvent<E extends { kind: unknown; payload: unknown }>(provider: Provider, event: E): E;
