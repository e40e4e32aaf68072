// `hookseal/stores`: where a receiver remembers the deliveries it has processed, so a
// provider's retry or a replay is answered without running the handler twice.
//
// The contract, the same in every store and every runtime:
//   claim(key, ttlMs?) -> 'first' | 'duplicate'   atomic; ttl default 30 days
//   release(key)                                   forget it (the handler failed)
//   close()                                        close what the store opened
// Only the memory store needs nothing installed; the others load their driver
// (better-sqlite3, ioredis, pg) on first use, so `import 'hookseal'` never needs them.

export { DEFAULT_TTL_MS } from './ttl.js';
export { MemoryStore } from './memory.js';
export { SqliteStore } from './sqlite.js';
export { RedisStore } from './redis.js';
export { PostgresStore } from './postgres.js';
// The building blocks of the helpers' `store` option, for other frameworks.
export { DUPLICATE_BODY, claimKey, claimThenNext, runOnce } from './dedupe.js';
