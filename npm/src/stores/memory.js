// The default store: a bounded LRU of claims with a lifetime each, in this process only.
// A Map keeps insertion order, so re-inserting a key makes it the most recent and the
// first key is always the least recently used: no linked list to maintain.

import { keyOf, ttlOf } from './ttl.js';

/**
 * Claims kept in memory, for a receiver that runs as one process. Holds at most
 * `maxKeys` claims; past that the least recently used one is forgotten, so a very old
 * delivery could be processed twice rather than the process running out of memory.
 *
 * @example
 * import { MemoryStore } from 'hookseal/stores';
 * const store = new MemoryStore({ maxKeys: 10_000 });
 * await store.claim('saleslab:evt_1'); // 'first'
 * await store.claim('saleslab:evt_1'); // 'duplicate'
 */
export class MemoryStore {
  /** @param {{maxKeys?: number, now?: () => number}} [options] `now` in ms, for tests */
  constructor({ maxKeys = 100_000, now = Date.now } = {}) {
    if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new TypeError('maxKeys must be a positive integer');
    this.maxKeys = maxKeys;
    this.now = now;
    /** key -> the time (ms) the claim expires */
    this.claims = new Map();
  }

  /**
   * Claims `key` for `ttlMs` milliseconds (default 30 days).
   * @returns {Promise<'first' | 'duplicate'>}
   */
  async claim(key, ttlMs) {
    return this.claimSync(keyOf(key), ttlOf(ttlMs));
  }

  /** The synchronous claim: nothing awaits between the check and the set, so it is atomic. */
  claimSync(key, ttlMs) {
    const now = this.now();
    const expires = this.claims.get(key);
    if (expires !== undefined) {
      this.claims.delete(key);
      if (expires > now) {
        this.claims.set(key, expires); // most recently used
        return 'duplicate';
      }
    }
    this.claims.set(key, now + ttlMs);
    while (this.claims.size > this.maxKeys) this.claims.delete(this.claims.keys().next().value);
    return 'first';
  }

  /** Forgets the claim, so that the provider's retry is processed. */
  async release(key) {
    this.claims.delete(keyOf(key));
  }

  /** Nothing to close; here so every store has the same shape. */
  async close() {}
}
