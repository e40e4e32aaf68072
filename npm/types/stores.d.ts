/** What a claim returns: process it (`'first'`) or acknowledge it (`'duplicate'`). */
export type Claim = 'first' | 'duplicate';

/**
 * Where a receiver remembers the deliveries it has processed. `claim` is atomic: of any
 * number of concurrent claims of one key, in any number of processes sharing the
 * store, exactly one is `'first'` until the claim expires or is released.
 */
export interface ClaimStore {
  /** Claims `key` for `ttlMs` milliseconds (default 30 days). */
  claim(key: string, ttlMs?: number): Promise<Claim>;
  /** Forgets the claim, so that the provider's retry is processed. */
  release(key: string): Promise<void>;
}

/** 30 days in milliseconds: the default lifetime of a claim. */
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
  claim(key: string, ttlMs?: number): Promise<Claim>;
  release(key: string): Promise<void>;
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
  claim(key: string, ttlMs?: number): Promise<Claim>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Claims in Redis, `SET key 1 NX PX ttl` (needs `ioredis`). A `client` you pass stays yours to close.
 *
 * @example
 * const store = new RedisStore({ url: process.env.REDIS_URL });
 */
export declare class RedisStore implements ClaimStore {
  constructor(options: { url?: string; client?: unknown; prefix?: string });
  claim(key: string, ttlMs?: number): Promise<Claim>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Claims in a PostgreSQL table, created if missing (needs `pg`). A `pool` you pass stays yours to end.
 *
 * @example
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 */
export declare class PostgresStore implements ClaimStore {
  constructor(options: { connectionString?: string; pool?: unknown; table?: string });
  claim(key: string, ttlMs?: number): Promise<Claim>;
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

/** The JSON a duplicate delivery is acknowledged with (status 200). */
export declare const DUPLICATE_BODY: { readonly duplicate: true };
/** The key a delivery is claimed under: `<scheme>:<idempotency key>`. */
export declare function claimKey(verified: { scheme: string; idempotencyKey: string }): string;
/**
 * Runs `handler` for the first delivery only; a duplicate gets `duplicate()`. A handler
 * that throws or answers 5xx releases the claim.
 *
 * @example
 * return runOnce(store, event, { handler: () => process(event), duplicate: () => Response.json(DUPLICATE_BODY) });
 */
export declare function runOnce<T>(
  store: ClaimStore,
  verified: { scheme: string; idempotencyKey: string },
  how: { ttlMs?: number; handler: () => T | Promise<T>; duplicate: () => T },
): Promise<T>;
/**
 * The connect form: claims, then `next()` for the first delivery; answers a duplicate itself.
 *
 * @example
 * (req, res, next) => claimThenNext(store, req.webhook, undefined, res, next)
 */
export declare function claimThenNext(
  store: ClaimStore,
  verified: { scheme: string; idempotencyKey: string },
  ttlMs: number | undefined,
  res: any,
  next: (err?: unknown) => void,
): void;
