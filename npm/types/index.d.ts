/**
 * hookseal: verify (and sign) the webhooks of SalesLab, SalesOS, Salesbooth,
 * Salescaling, Standard Webhooks, Stripe and GitHub — and any HMAC scheme of the
 * same family by configuration — with one Rust core.
 *
 * @example
 * import { Verifier, HooksealError } from 'hookseal';
 * const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET!] });
 * const event = verifier.verify(rawBody, req.headers);   // throws HooksealError
 * console.log(event.kind, event.tenant, event.json());
 */

import type { EventOf, EventOptions } from './events.js';

/**
 * The scheme ids: the core's scheme table, in its order (written by
 * `node scripts/types.mjs`; docs/schemes.md). `custom` is configured with `header`,
 * `prefix`, `encoding`, `content`, ...
 */
export type Scheme =
  | 'saleslab'
  | 'salesos'
  | 'salesbooth'
  | 'salescaling'
  | 'standard-webhooks'
  | 'stripe'
  | 'github'
  | 'custom';

/** The raw request body. A parsed JSON object is NOT accepted: its signed bytes are gone. */
export type Body = Uint8Array | ArrayBuffer | ArrayBufferView | string;

/**
 * Request headers in any common shape: Node's `req.headers` (array values allowed),
 * a Fetch `Headers`, a `Map`, a plain object with names in any case, `[name, value]`
 * pairs, or Node's flat `req.rawHeaders`. When a name repeats, the first one wins.
 */
export type HeadersLike =
  | Record<string, string | string[] | number | undefined>
  | Headers
  | Map<string, string | string[]>
  | ReadonlyArray<readonly [string, string]>
  | ReadonlyArray<string>;

/** Scheme options: which scheme takes which is in docs/schemes.md; others are `invalid_option`. */
export interface SchemeOptions {
  /** Timestamped schemes: how far (seconds, both ways) a timestamp may be from now. Default 300. `'off'` turns the check off; `0` means "the same second". */
  toleranceSeconds?: number | 'off';
  /** The largest body accepted, in bytes. Default 1 MiB (1,048,576). */
  maxBody?: number;
  /** salescaling: the token header (default `authorization`); custom: the signature header (required). */
  header?: string;
  /** salescaling: the token prefix (default `Bearer ` with `authorization`); custom: the signature prefix. */
  prefix?: string;
  /** custom: how the digest is written. Default `'hex'`. */
  encoding?: 'hex' | 'base64';
  /** custom: what is signed. Default `'body'`. */
  content?: 'body' | 'ts.body' | 'id.ts.body';
  /** custom: the timestamp header (with `ts.body` / `id.ts.body`). */
  timestampHeader?: string;
  /** custom: the id header (with `id.ts.body`). */
  idHeader?: string;
}

/**
 * A secret with a rotation window: it verifies while the time of verification is at or
 * before `notAfter`, and is skipped after it (a delivery signed only with it is then
 * `signature_mismatch`, and `explain` says `secret_retired`).
 *
 * @example
 * new Verifier('salesbooth', { secrets: [process.env.NEW!, { secret: process.env.OLD!, notAfter: new Date('2027-01-31T00:00:00Z') }] });
 */
export interface Secret {
  /** The secret: a string (its UTF-8) or bytes. */
  secret: string | Uint8Array;
  /** Its last valid moment: a Date, or unix seconds (floored to whole seconds). Absent or null: no limit. */
  notAfter?: Date | number | null;
}

/** A secret: a string (its UTF-8), bytes (a token that is not UTF-8), or one with a window. */
export type SecretLike = string | Uint8Array | Secret;

export interface VerifierOptions extends SchemeOptions {
  /**
   * One secret, or several during a rotation (tried in order; `secretIndex` says which
   * matched, counting every configured one). Standard Webhooks takes `whsec_` secrets
   * and `whpk_` public keys (`v1a`, Ed25519) in one list.
   */
  secrets: SecretLike | readonly SecretLike[];
}

export interface VerifyOptions {
  /** The time to verify at, in unix seconds (or a Date): for tests and replays. Default: now. */
  now?: number | Date;
}

/**
 * The stable error codes, the same strings in every runtime: the codes of the core's
 * receive contract (`receiveContract().replies`), in its order (written by
 * `node scripts/types.mjs`).
 */
export type ErrorCode =
  | 'payload_too_large'
  | 'missing_signature'
  | 'malformed_signature'
  | 'missing_timestamp'
  | 'malformed_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'signature_mismatch'
  | 'invalid_secret'
  | 'unknown_scheme'
  | 'invalid_option'
  | 'invalid_payload'
  | 'body_already_parsed'
  | 'unreadable_body'
  | 'store_unavailable'
  | 'delivery_in_progress'
  | 'unknown_tenant'
  | 'secrets_unavailable'
  | 'internal';

/** The HTTP status for each code, from the core's reply table (`receiveContract().replies`). */
export declare const ERROR_STATUS: Readonly<Record<ErrorCode, number>>;

/** The core's receive contract (docs/receiving.md): replies, decisions, defaults. */
export declare function receiveContract(): {
  readonly replies: Readonly<Record<ErrorCode, { status: number; retry_after: number | 'lease_left' | null; message: string }>>;
  readonly duplicate: { readonly status: number; readonly body: { readonly duplicate: true } };
  readonly on_claim: Readonly<Record<'first' | 'processing' | 'done' | 'failed', string>>;
  readonly on_handler: Readonly<Record<'2xx' | 'other' | 'raised', 'complete' | 'release'>>;
  readonly claim_key: string;
  readonly lease_seconds: number;
  readonly ttl_seconds: number;
  readonly store_retry_after_seconds: number;
};
/** The core's default processing lease, in ms. */
export declare const DEFAULT_LEASE_MS: number;
/** The core's default lifetime of a completed claim, in ms. */
export declare const DEFAULT_TTL_MS: number;

/**
 * What `explain` found, by stable code (docs/explain.md). The core may add codes; they
 * pass through as strings.
 */
export type FindingCode =
  | 'secret_whitespace'
  | 'missing_whsec_prefix'
  | 'extra_whsec_prefix'
  | 'body_reserialized'
  | 'trailing_newline_lost'
  | 'clock_skew'
  | 'wrong_scheme'
  | 'truncated_signature'
  | 'secret_retired'
  | 'no_signature_header'
  | (string & {});

/** One likely cause `explain` names. The message never contains a secret. */
export interface Finding {
  readonly code: FindingCode;
  readonly message: string;
}

/** The diagnosis of one delivery (`Verifier.explain`), the same in every runtime. */
export interface Explanation {
  /** Whether `verify` would accept it. */
  readonly ok: boolean;
  /** What `verify` would throw, or null when it passes. */
  readonly code: ErrorCode | null;
  /** The verdict in words. */
  readonly message: string;
  /** The likely causes, most likely first (empty when none is known). */
  readonly findings: readonly Finding[];
}

/**
 * Why a webhook was rejected or a verifier could not be built. Wrong argument TYPES
 * are `TypeError`s instead. The message never contains a secret.
 *
 * @example
 * catch (e) { if (e instanceof HooksealError) return res.status(e.status).json(e) }
 */
export declare class HooksealError extends Error {
  constructor(code: ErrorCode, message: string);
  readonly name: 'HooksealError';
  /** The stable code. */
  readonly code: ErrorCode;
  /** The HTTP status to answer with. */
  readonly status: number;
  /** `invalid_payload`: the JSON path where the payload breaks its schema (`$.data.value`). */
  readonly path?: string;
  /** `{error: code, message}`: what the middleware answers. */
  toJSON(): { error: ErrorCode; message: string };
}

/**
 * A genuine delivery of scheme `S`. `kind`, `eventId`, `eventIdSigned`, `tenant` and
 * `idempotencyKey` are read from the signed body on first access (one call for all),
 * and `json()` parses on first call.
 *
 * @example
 * const event = verifier.verify(body, headers);
 * if (await alreadySeen(event.idempotencyKey)) return;
 * handle(event.kind, event.json());
 */
export declare class Verified<S extends Scheme = Scheme> {
  private constructor();
  /** The scheme that verified it. */
  readonly scheme: S;
  /** The raw body, exactly as verified. */
  readonly body: Uint8Array;
  /** The signed timestamp (unix seconds) of timestamped schemes, else null. */
  readonly timestamp: number | null;
  /** Which configured secret matched (0 for the first). */
  readonly secretIndex: number;
  /** The event kind (`deal.won`, `session.completed`, ...), or null. */
  readonly kind: string | null;
  /** The provider's event or delivery id, or null. */
  readonly eventId: string | null;
  /** Whether `eventId` was signed (false when it came from an unsigned header). */
  readonly eventIdSigned: boolean;
  /** The provider's tenant (company, account) id, or null. */
  readonly tenant: string | null;
  /** What to de-duplicate on: the signed event id, else the hex SHA-256 of the body. */
  readonly idempotencyKey: string;
  /** The body as UTF-8 text. */
  text(): string;
  /** The body parsed with `JSON.parse` (once). Throws `SyntaxError` when it is not JSON. */
  json<T = unknown>(): T;
  /**
   * The typed event, `{ kind, payload }` (hookseal/events): `switch (event.kind)` narrows
   * `payload` for the kinds `S`'s schema lists; other kinds are the generic form. The
   * body is parsed once (`json()`'s value).
   * @throws HooksealError `invalid_payload` when the body is not JSON, or with
   * `validate` when the payload breaks its kind's schema (`path` says where).
   * @example
   * const event = new Verifier('salesos', opts).verify(body, headers).event({ validate: true });
   * if (event.kind === 'deal.won') console.log(event.payload.data.value);
   */
  event(options?: EventOptions): EventOf<S>;
  /** Every field except the body. */
  toJSON(): Omit<Verified, 'body' | 'text' | 'json' | 'event' | 'toJSON'>;
}

/**
 * Verifies one scheme's webhooks. Build it once at start-up: key state is computed
 * here, not per request.
 *
 * @example
 * const verifier = new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET!] });
 * const stripe = new Verifier('stripe', { secrets: ['whsec_...'], toleranceSeconds: 600 });
 * const custom = new Verifier('custom', { secrets: ['k'], header: 'x-webhook-signature', prefix: 'sha256=' });
 */
export declare class Verifier<S extends Scheme = Scheme> {
  /** @throws HooksealError `unknown_scheme`, `invalid_secret`, `invalid_option`; TypeError for wrong types. */
  constructor(scheme: S, options: VerifierOptions);
  /** The scheme id. */
  readonly scheme: S;
  /** The largest body accepted, in bytes. */
  readonly maxBody: number;
  /** The lowercase names of the only headers this verifier reads, signature header first. */
  readonly headerNames: string[];
  /**
   * Verifies a delivery.
   * @throws HooksealError with the first failing check's code (docs/schemes.md,
   * "Order of checks").
   * @example
   * const event = verifier.verify(req.body, req.headers);
   * const replay = verifier.verify(body, headers, { now: 1700000000 });
   */
  verify(body: Body, headers: HeadersLike, options?: VerifyOptions): Verified<S>;
  /**
   * Why a delivery fails (or that it passes), in words: the core's diagnosis. Same
   * argument order as `verify`: the body first. For development, tests and replays of captured requests: answering a request
   * with it would tell a forger which guess came closer (SECURITY.md).
   * @throws TypeError for wrong types only; the verdict is in the result.
   * @example
   * const why = verifier.explain(rawBody, req.headers);
   * if (!why.ok) console.log(why.code, why.findings.map((f) => f.message));
   */
  explain(body: Body, headers: HeadersLike, options?: VerifyOptions): Explanation;
}

export interface SignOptions extends SchemeOptions {
  /** Unix seconds (or a Date) for timestamped schemes. Default: now. */
  timestamp?: number | Date;
  /** The message id (standard-webhooks, custom `id.ts.body`). Default: derived from the content. */
  id?: string;
}

/**
 * The headers a provider would send with `body`: lowercase names, in the order id,
 * timestamp, signature. For tests, simulators and services that emit these webhooks.
 * Standard Webhooks signs `v1,<HMAC>` with a `whsec_` secret and `v1a,<Ed25519>` with a
 * `whsk_` secret key (verified with its `whpk_` public key).
 *
 * @example
 * const headers = sign('salesbooth', 'whsec_test', body, { timestamp: 1700000000 });
 * // { 'x-salesbooth-timestamp': '1700000000', 'x-salesbooth-signature': 'v1=…' }
 */
export declare function sign(scheme: Scheme, secret: string, body: Body, options?: SignOptions): Record<string, string>;

/**
 * The scheme whose signature header the request carries, or null. Salescaling and
 * custom schemes use configurable headers and are never detected.
 *
 * @example
 * detect({ 'stripe-signature': 't=1,v1=…' }) // 'stripe'
 */
export declare function detect(headers: HeadersLike): Scheme | null;

/** Which engine runs the core: the native addon, or the WebAssembly fallback. */
export declare const engine: 'native' | 'wasm';
