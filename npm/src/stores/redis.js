// Claims in Redis (ioredis): one `SET key 1 NX PX ttl`, atomic on the server, shared by
// every receiver that reaches it. Redis expires the keys itself.

import { keyOf, loadDriver, ttlOf } from './ttl.js';

/**
 * Claims in Redis, for receivers on several machines. Needs the optional package
 * `ioredis`. Pass `url`, or a `client` you already have (it is then yours to close).
 *
 * @example
 * import { RedisStore } from 'hookseal/stores';
 * const store = new RedisStore({ url: process.env.REDIS_URL });
 * await store.claim('salesos:evt_1', 7 * 24 * 3600 * 1000); // 'first' | 'duplicate'
 */
export class RedisStore {
  /** @param {{url?: string, client?: any, prefix?: string}} options keys are `prefix + key` */
  constructor({ url, client, prefix = 'hookseal:' } = {}) {
    if (!url && !client) throw new TypeError('RedisStore needs a url or a client');
    this.prefix = prefix;
    this.owned = !client;
    this.url = url;
    this.ready = client ? Promise.resolve(client) : null;
  }

  client() {
    this.ready ??= loadDriver('ioredis', 'RedisStore').then(({ default: Redis }) => new Redis(this.url));
    return this.ready;
  }

  /** @returns {Promise<'first' | 'duplicate'>} */
  async claim(key, ttlMs) {
    const ttl = ttlOf(ttlMs);
    const reply = await (await this.client()).set(this.prefix + keyOf(key), '1', 'PX', ttl, 'NX');
    return reply === 'OK' ? 'first' : 'duplicate';
  }

  async release(key) {
    await (await this.client()).del(this.prefix + keyOf(key));
  }

  async close() {
    if (!this.owned || !this.ready) return;
    const client = await this.ready;
    this.ready = null;
    await client.quit();
  }
}
