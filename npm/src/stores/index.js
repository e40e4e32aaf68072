// `hookseal/stores`: where a receiver remembers the deliveries it is processing and has
// processed, so a provider's retry or a replay runs the handler once, and a crash costs
// one lease rather than the event.
//
// The contract, the same in every store and every runtime (docs/stores.md):
//   claim(key, leaseMs?) -> {outcome: 'first', token} | {outcome: 'processing', leaseLeftMs}
//                           | {outcome: 'done'}      atomic; lease default 60 s
//   complete(key, token, ttlMs?)                      done for the ttl (default 30 days)
//   release(key, token)                               forget it (the handler failed)
//   close()                                           close what the store opened
// complete and release change the claim only if `token` still owns it. Only the memory
// store needs nothing installed; the others load their driver (better-sqlite3, ioredis,
// pg) on first use, so `import 'hookseal'` never needs them.

export { DEFAULT_LEASE_MS, DEFAULT_TTL_MS } from './ttl.js';
export { MemoryStore } from './memory.js';
export { SqliteStore } from './sqlite.js';
export { RedisStore } from './redis.js';
export { PostgresStore } from './postgres.js';
// The building blocks of the helpers' `store` option, for other frameworks.
export { claimKey, claimOrAnswer, claimThenNext, runOnce, settle } from './dedupe.js';
