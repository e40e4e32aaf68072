// The default store: a bounded LRU of claims, in this process only. A Map keeps
// insertion order, so re-inserting a key makes it the most recent and the first key is
// always the least recently used: no linked list to maintain.

import { DONE, first, keyOf, leaseOf, newToken, processing, tokenOf, ttlOf } from './ttl.js';

/**
 * Claims kept in memory, for a receiver that runs as one process. Holds at most
 * `maxKeys` claims; past that the least recently used one is forgotten, so a very old
 * delivery could be processed twice rather than the process running out of memory.
 *
 * @example
 * import { MemoryStore } from 'hookseal/stores';
 * const store = new MemoryStore({ maxKeys: 10_000 });
 * const claim = await store.claim('saleslab:evt_1');   // {outcome: 'first', token}
 * await store.complete('saleslab:evt_1', claim.token);  // now 'done' for 30 days
 */
export class MemoryStore {
  /** @param {{maxKeys?: number, now?: () => number}} [options] `now` in ms, for tests */
  constructor({ maxKeys = 100_000, now = Date.now } = {}) {
    if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new TypeError('maxKeys must be a positive integer');
    this.maxKeys = maxKeys;
    this.now = now;
    /** key -> {token: the owner's, or null once done; expiresAt: ms} */
    this.claims = new Map();
  }

  /**
   * Takes a processing lease on `key` for `leaseMs` (default 60 s).
   * @returns {Promise<{outcome: 'first', token: string} | {outcome: 'processing', leaseLeftMs: number} | {outcome: 'done'}>}
   */
  async claim(key, leaseMs) {
    return this.claimSync(keyOf(key), leaseOf(leaseMs));
  }

  /** The synchronous claim: nothing awaits between the check and the set, so it is atomic. */
  claimSync(key, leaseMs) {
    const now = this.now();
    const row = this.claims.get(key);
    if (row !== undefined) {
      this.claims.delete(key);
      if (row.expiresAt > now) {
        this.claims.set(key, row); // most recently used
        return row.token === null ? DONE : processing(row.expiresAt - now);
      }
    }
    const token = newToken();
    this.set(key, { token, expiresAt: now + leaseMs });
    return first(token);
  }

  /** Marks the claim done for `ttlMs` (default 30 days), if `token` still owns it. */
  async complete(key, token, ttlMs) {
    const ttl = ttlOf(ttlMs);
    const row = this.owned(keyOf(key), tokenOf(token));
    if (row) this.set(key, { token: null, expiresAt: this.now() + ttl });
  }

  /** Deletes the claim, if `token` still owns it: the provider's retry runs the handler. */
  async release(key, token) {
    if (this.owned(keyOf(key), tokenOf(token))) this.claims.delete(key);
  }

  /** Nothing to close; here so every store has the same shape. */
  async close() {}

  owned(key, token) {
    const row = this.claims.get(key);
    return row !== undefined && row.token === token ? row : undefined;
  }

  set(key, row) {
    this.claims.delete(key);
    this.claims.set(key, row);
    while (this.claims.size > this.maxKeys) this.claims.delete(this.claims.keys().next().value);
  }
}
