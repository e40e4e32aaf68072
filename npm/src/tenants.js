// Secrets per tenant (docs/tenants.md): a verifier per tenant, built from what the app's
// resolver returns for it, kept in a bounded cache with a time to live so a rotated
// secret is picked up without a restart. Concurrent misses for one tenant share one
// resolver call; a resolver that fails is not remembered (the next request asks again).
// The defaults, the answers and the claim key are the receive contract's `tenants`
// section and reply rows (contract.js). No Node built-ins: the Fetch helper uses it in
// edge runtimes too.

import { receiveContract } from './contract.js';
import { HooksealError } from './errors.js';

/** The keys of a tenants config that are not options of the verifiers it builds. */
const OWN_KEYS = ['scheme', 'tenant', 'secrets', 'tenantCache', 'Verifier'];

/** Whether `value` is a tenants config (`{scheme, tenant, secrets: function}`) rather than a Verifier. */
export function isTenantConfig(value) {
  return value !== null && typeof value === 'object' && typeof value.verify !== 'function' && typeof value.secrets === 'function';
}

/**
 * The verifiers of a tenants config, one per tenant, cached.
 *
 * @param {{scheme: string, tenant: Function, secrets: Function, tenantCache?: {max?: number, ttl?: number},
 *   Verifier?: Function}} config the rest of its keys are the verifiers' options (toleranceSeconds, ...)
 * @param {Function | undefined} Verifier the engine's Verifier class, when the config names none
 * @param {() => number} clock unix seconds (the helper's `now`, else the wall clock)
 */
export class TenantVerifiers {
  #Verifier;
  #scheme;
  #options;
  #resolve;
  #max;
  #ttl;
  #clock;
  /** tenant -> {verifier, expires, used}: `used` orders the entries by their last use. */
  #cache = new Map();
  #uses = 0;
  /** tenant -> the promise of the miss being resolved. */
  #pending = new Map();

  constructor(config, Verifier, clock) {
    const { scheme, tenant, secrets, tenantCache } = config;
    if (typeof scheme !== 'string') throw new TypeError('a tenants config needs `scheme` (a scheme id)');
    if (typeof tenant !== 'function') {
      throw new TypeError('a tenants config needs `tenant: (req) => string` (the tenant a request names, from its path or headers)');
    }
    if (typeof secrets !== 'function') throw new TypeError('a tenants config needs `secrets: (tenant, req) => list | Promise<list>`');
    this.#Verifier = config.Verifier ?? Verifier;
    if (typeof this.#Verifier !== 'function') {
      throw new TypeError("this helper needs the engine's Verifier class in the tenants config: { Verifier, scheme, tenant, secrets }");
    }
    const defaults = receiveContract().tenants;
    const max = tenantCache?.max ?? defaults.max;
    const ttl = tenantCache?.ttl ?? defaults.ttl_seconds;
    if (!Number.isInteger(max) || max < 1) throw new TypeError(`tenantCache.max must be a whole number of tenants >= 1, not ${max}`);
    if (typeof ttl !== 'number' || !(ttl >= 0)) throw new TypeError(`tenantCache.ttl must be seconds >= 0, not ${ttl}`);
    this.#scheme = scheme;
    this.#options = Object.fromEntries(Object.entries(config).filter(([k]) => !OWN_KEYS.includes(k)));
    this.#resolve = secrets;
    this.#max = max;
    this.#ttl = ttl;
    this.#clock = clock;
    /** The tenant function of the config. */
    this.tenantOf = tenant;
    this.scheme = scheme;
    /** The body limit, known before any verifier is built (the verifiers' `maxBody` option). */
    this.maxBody = config.maxBody ?? 1024 * 1024;
  }

  /**
   * The verifier of `tenant`: the cached one (synchronously), or a promise of it. Rejects
   * with HooksealError `unknown_tenant` (the resolver gave nothing), `secrets_unavailable`
   * (it threw or rejected) or the verifier's construction error (`invalid_secret`, ...).
   * @param {string} tenant
   * @param {unknown[]} req what the tenant function got (the resolver gets it too)
   */
  get(tenant, req) {
    const hit = this.#cache.get(tenant);
    if (hit !== undefined) {
      if (hit.expires > this.#clock()) {
        // A hit only counts; the least recently used is looked for when one is evicted.
        hit.used = ++this.#uses;
        return hit.verifier;
      }
      this.#cache.delete(tenant);
    }
    let pending = this.#pending.get(tenant);
    if (pending === undefined) {
      pending = this.#load(tenant, req).finally(() => this.#pending.delete(tenant));
      this.#pending.set(tenant, pending);
    }
    return pending;
  }

  /** Forgets the cached verifier of `tenant` (its secrets changed), or every one. */
  forget(tenant) {
    if (tenant === undefined) this.#cache.clear();
    else this.#cache.delete(tenant);
  }

  /** How many tenants' verifiers are cached. */
  get size() {
    return this.#cache.size;
  }

  async #load(tenant, req) {
    let list;
    try {
      list = await this.#resolve(tenant, ...req);
    } catch (e) {
      // Not cached: the next request asks the resolver again.
      const err = new HooksealError('secrets_unavailable');
      err.cause = e;
      throw err;
    }
    if (list === null || list === undefined || list === '' || (Array.isArray(list) && list.length === 0)) {
      throw new HooksealError('unknown_tenant');
    }
    let verifier;
    try {
      verifier = new this.#Verifier(this.#scheme, { ...this.#options, secrets: list });
    } catch (e) {
      if (e instanceof HooksealError) throw e;
      // A list of the wrong shape (a TypeError): the tenant's secrets are misconfigured.
      // The message names no value.
      throw new HooksealError('invalid_secret', `the secrets the resolver returned for this tenant are not a list of secrets (${e?.message})`);
    }
    if (!this.#cache.has(tenant) && this.#cache.size >= this.#max) this.#evict();
    this.#cache.set(tenant, { verifier, expires: this.#clock() + this.#ttl, used: ++this.#uses });
    return verifier;
  }

  /** Drops the least recently used entry: one pass, on a miss when the cache is full. */
  #evict() {
    let oldest;
    let least = Infinity;
    for (const [tenant, entry] of this.#cache) {
      if (entry.used < least) {
        least = entry.used;
        oldest = tenant;
      }
    }
    this.#cache.delete(oldest);
  }
}

let escapes = null;

/**
 * The key a tenant's delivery is claimed under: the contract's `tenants.claim_key`
 * (`<scheme>/<tenant>:<idempotency_key>`), the tenant escaped per its `escape` table
 * (`%` first, so an escape is never read as a character of the tenant), so two tenants
 * whose providers reuse an event id never share a claim.
 */
export function tenantClaimKey(scheme, tenant, idempotencyKey) {
  const { claim_key: template, escape } = receiveContract().tenants;
  escapes ??= new RegExp(`[${Object.keys(escape).map((c) => `\\${c}`).join('')}]`, 'g');
  // One pass over the tenant: every character is replaced at most once, which is what
  // escaping `%` first and then the others gives.
  const escaped = tenant.replace(escapes, (c) => escape[c]);
  // Functions, not strings, as replacements: a `$&` in an id is text, not a pattern.
  return template
    .replace('<scheme>', () => scheme)
    .replace('<tenant>', () => escaped)
    .replace('<idempotency_key>', () => idempotencyKey);
}
