/**
 * What a claim found: `first` (this attempt holds the lease, with its owner `token`),
 * `processing` (another attempt's lease is live, `leaseLeftMs` left), or `done` (a
 * handler completed the delivery within the TTL).
 */
export type Claim =
  | { outcome: 'first'; token: string }
  | { outcome: 'processing'; leaseLeftMs: number }
  | { outcome: 'done' };

/**
 * Where a receiver remembers the deliveries it is processing and has processed. `claim`
 * is atomic: of any number of concurrent claims of one key, in any number of processes
 * sharing the store, exactly one is `first` until its lease expires or is released.
 * `complete` and `release` change the claim only if `token` still owns it.
 */
export interface ClaimStore {
  /** Takes a processing lease on `key` for `leaseMs` (default 60 s). */
  claim(key: string, leaseMs?: number): Promise<Claim>;
  /** Marks the claim done for `ttlMs` (default 30 days), if `token` owns it. */
  complete(key: string, token: string, ttlMs?: number): Promise<void>;
  /** Deletes the claim, if `token` owns it, so that the provider's retry is processed. */
  release(key: string, token: string): Promise<void>;
}

/** 60 s in milliseconds: the default processing lease of a claim (the core's). */
export declare const DEFAULT_LEASE_MS: number;
/** 30 days in milliseconds: the default lifetime of a completed claim (the core's). */
export declare const DEFAULT_TTL_MS: number;

/**
 * The default store: a bounded LRU with a lifetime per claim, in this process.
 *
 * @example
 * const store = new MemoryStore({ maxKeys: 10_000 });
 * await store.claim('saleslab:evt_1'); // 'first'
 */
export declare class MemoryStore implements ClaimStore {
  constructor(options?: { maxKeys?: number; now?: () => number });
  claim(key: string, leaseMs?: number): Promise<Claim>;
  complete(key: string, token: string, ttlMs?: number): Promise<void>;
  release(key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Claims in a SQLite file, for several processes on one machine (needs `better-sqlite3`).
 *
 * @example
 * const store = new SqliteStore({ path: '/var/lib/app/hookseal.db' });
 */
export declare class SqliteStore implements ClaimStore {
  constructor(options: { path: string; table?: string; busyTimeoutMs?: number; now?: () => number });
  claim(key: string, leaseMs?: number): Promise<Claim>;
  complete(key: string, token: string, ttlMs?: number): Promise<void>;
  release(key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Claims in Redis, one Lua script per operation (needs `ioredis`). A `client` you pass stays yours to close.
 * Connect timeout 3 s and command timeout 5 s by default; reconnects after a restart.
 *
 * @example
 * const store = new RedisStore({ url: process.env.REDIS_URL });
 */
export declare class RedisStore implements ClaimStore {
  constructor(options: { url?: string; client?: unknown; prefix?: string; connectTimeoutMs?: number; operationTimeoutMs?: number });
  claim(key: string, leaseMs?: number): Promise<Claim>;
  complete(key: string, token: string, ttlMs?: number): Promise<void>;
  release(key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Claims in a PostgreSQL table, created if missing (needs `pg`). A `pool` you pass stays yours to end.
 *
 * @example
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 */
export declare class PostgresStore implements ClaimStore {
  constructor(options: {
    connectionString?: string;
    pool?: unknown;
    table?: string;
    connectTimeoutMs?: number;
    operationTimeoutMs?: number;
  });
  claim(key: string, leaseMs?: number): Promise<Claim>;
  complete(key: string, token: string, ttlMs?: number): Promise<void>;
  release(key: string, token: string): Promise<void>;
  close(): Promise<void>;
}

/** An answer a helper sends itself (a duplicate, or a 503 from the contract). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
/** The key a delivery is claimed under, `<scheme>:<idempotency key>`; null for an empty idempotency key. */
export declare function claimKey(verified: { scheme: string; idempotencyKey: string }): string | null;
/** Claims `key`: `{token}` to run the handler, or `{answer}` to send without it. */
export declare function claimOrAnswer(
  store: ClaimStore,
  key: string,
  leaseMs?: number,
): Promise<{ token: string; answer?: undefined } | { answer: Answer; token?: undefined }>;
/** After the handler: a 2xx `status` completes the claim, anything else (null: it threw) releases it. Never throws. */
export declare function settle(store: ClaimStore, key: string, token: string, status: number | null, ttlMs?: number): Promise<void>;
/**
 * Runs `handler` for a delivery nobody completed or is processing; otherwise `answer(a)`.
 * A 2xx `status` of the result completes the claim; any other, or a throw, releases it.
 *
 * @example
 * return runOnce(store, event, { handler: () => process(event), answer: (a) => new Response(a.body, a) });
 */
export declare function runOnce<T>(
  store: ClaimStore,
  verified: { scheme: string; idempotencyKey: string },
  how: { leaseMs?: number; ttlMs?: number; handler: () => T | Promise<T>; answer: (a: Answer) => T },
): Promise<T>;
/**
 * The connect form: claims, then `next()` for a delivery to process; answers the others
 * itself. The status the response is ended with decides (a client disconnect does not).
 *
 * @example
 * (req, res, next) => claimThenNext(store, req.webhook, { leaseMs: 60_000 }, res, next)
 */
export declare function claimThenNext(
  store: ClaimStore,
  verified: { scheme: string; idempotencyKey: string },
  options: { leaseMs?: number; ttlMs?: number } | undefined,
  res: any,
  next: (err?: unknown) => void,
): void;
