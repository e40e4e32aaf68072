// What every store shares: the default lifetime of a claim and the checks on its inputs,
// so that every store refuses the same bad arguments with the same message.

/** 30 days: the longest retention a provider document names for retries and replays. */
export const DEFAULT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The lifetime to use for `ttlMs` (milliseconds; `undefined` means the default). */
export function ttlOf(ttlMs) {
  if (ttlMs === undefined || ttlMs === null) return DEFAULT_TTL_MS;
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new TypeError(`a claim's ttl must be a positive whole number of milliseconds, got ${ttlMs}`);
  }
  return ttlMs;
}

/** The key, checked: a non-empty string (an idempotency key, usually prefixed by the scheme). */
export function keyOf(key) {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError('a claim key must be a non-empty string');
  }
  return key;
}

/** Loads an optional driver by name, with a message that says which package to install. */
export async function loadDriver(name, store) {
  try {
    return await import(name);
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') {
      throw new Error(`${store} needs the optional package "${name}": npm install ${name}`);
    }
    throw e;
  }
}
