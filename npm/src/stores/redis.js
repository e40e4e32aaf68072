// Claims in Redis (ioredis), shared by every receiver that reaches it. Each operation
// is one Lua script, atomic on the server; Redis expires the keys itself. The values
// are the ones every runtime shares (docs/stores.md): `lease:<token>` while processing
// (PX lease), `done` once completed (PX ttl); any other value (the previous version
// wrote `1`) reads as done: the migration.

import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_OPERATION_TIMEOUT_MS,
  DONE,
  claimReleasingOnError,
  first,
  keyOf,
  leaseOf,
  loadDriver,
  processing,
  tokenOf,
  ttlOf,
} from './ttl.js';

// A claim that finds this attempt's own lease is `first`: the client retried a claim
// whose first try applied (docs/stores.md).
const SCRIPTS = {
  hooksealClaim: `local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], 'lease:'..ARGV[1], 'PX', ARGV[2]) return {1, 0} end
if v == 'lease:'..ARGV[1] then return {1, 0} end
if string.sub(v, 1, 6) == 'lease:' then return {2, redis.call('PTTL', KEYS[1])} end
return {3, 0}`,
  hooksealComplete: `if redis.call('GET', KEYS[1]) == 'lease:'..ARGV[1] then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end return 0`,
  hooksealRelease: `if redis.call('GET', KEYS[1]) == 'lease:'..ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
};

/**
 * Claims in Redis, for receivers on several machines. Needs the optional package
 * `ioredis`. Pass `url`, or a `client` you already have (it is then yours to close).
 * The client this store opens has a connect timeout (3 s) and a command timeout (5 s),
 * fails commands while the server is down rather than queueing them, and reconnects.
 *
 * @example
 * import { RedisStore } from 'hookseal/stores';
 * const store = new RedisStore({ url: process.env.REDIS_URL });
 * const claim = await store.claim('salesos:evt_1');   // {outcome: 'first', token} | ...
 */
export class RedisStore {
  /**
   * @param {{url?: string, client?: any, prefix?: string, connectTimeoutMs?: number, operationTimeoutMs?: number}} options
   *   keys are `prefix + key`
   */
  constructor({
    url,
    client,
    prefix = 'hookseal:',
    connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
    operationTimeoutMs = DEFAULT_OPERATION_TIMEOUT_MS,
  } = {}) {
    if (!url && !client) throw new TypeError('RedisStore needs a url or a client');
    Object.assign(this, { prefix, url, connectTimeoutMs, operationTimeoutMs, owned: !client });
    this.ready = client ? Promise.resolve(this.scripts(client)) : null;
  }

  client() {
    this.ready ??= loadDriver('ioredis', 'RedisStore').then(({ default: Redis }) => {
      const client = new Redis(this.url, {
        connectTimeout: this.connectTimeoutMs,
        commandTimeout: this.operationTimeoutMs,
        // A command waits for at most one reconnection attempt, then fails: the helper
        // answers 503 store_unavailable during an outage instead of hanging.
        maxRetriesPerRequest: 1,
      });
      // Connection errors surface as failed commands; unhandled, they would crash.
      client.on('error', () => {});
      return this.scripts(client);
    });
    return this.ready;
  }

  scripts(client) {
    for (const [name, lua] of Object.entries(SCRIPTS)) {
      if (typeof client[name] !== 'function') client.defineCommand(name, { numberOfKeys: 1, lua });
    }
    return client;
  }

  /** @returns {Promise<import('../../types/stores').Claim>} */
  async claim(key, leaseMs) {
    const k = this.prefix + keyOf(key);
    const lease = leaseOf(leaseMs);
    const client = await this.client();
    return claimReleasingOnError(this, key, async (token) => {
      const [outcome, pttl] = await client.hooksealClaim(k, token, lease);
      if (outcome === 1) return first(token);
      return outcome === 2 ? processing(pttl) : DONE;
    });
  }

  async complete(key, token, ttlMs) {
    const ttl = ttlOf(ttlMs);
    await (await this.client()).hooksealComplete(this.prefix + keyOf(key), tokenOf(token), ttl);
  }

  async release(key, token) {
    await (await this.client()).hooksealRelease(this.prefix + keyOf(key), tokenOf(token));
  }

  async close() {
    if (!this.owned || !this.ready) return;
    const client = await this.ready;
    this.ready = null;
    await client.quit().catch(() => client.disconnect());
  }
}
