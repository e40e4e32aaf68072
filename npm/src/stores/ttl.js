// What every store shares: the defaults of a claim (the core's lease and TTL, from the
// receive contract), the checks on its inputs, so that every store refuses the same bad
// arguments with the same message, and the owner token. No Node built-ins.

import { DEFAULT_LEASE_MS, DEFAULT_TTL_MS, receiveContract } from '../contract.js';

export { DEFAULT_LEASE_MS, DEFAULT_TTL_MS };

/** A store operation's timeout unless one is configured: below the providers' 8–10 s. */
export const DEFAULT_OPERATION_TIMEOUT_MS = 5000;
/** A connection's timeout unless one is configured. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
/** How many claims between two sweeps of expired rows. */
export const SWEEP_EVERY = 1000;

function positive(ms, what, fallback) {
  if (ms === undefined || ms === null) return fallback();
  if (!Number.isSafeInteger(ms) || ms <= 0) {
    throw new TypeError(`a claim's ${what} must be a positive whole number of milliseconds, got ${ms}`);
  }
  return ms;
}

/** The lifetime of a completed claim (`undefined` means the core's default, 30 days). */
export function ttlOf(ttlMs) {
  return positive(ttlMs, 'ttl', () => receiveContract().ttl_seconds * 1000);
}

/** The processing lease of a claim (`undefined` means the core's default, 60 s). */
export function leaseOf(leaseMs) {
  return positive(leaseMs, 'lease', () => receiveContract().lease_seconds * 1000);
}

/** The key, checked: a non-empty string (an idempotency key, usually prefixed by the scheme). */
export function keyOf(key) {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError('a claim key must be a non-empty string');
  }
  return key;
}

/** The owner token, checked: what claim() returned with `first`. */
export function tokenOf(token) {
  if (typeof token !== 'string' || token.length === 0) {
    throw new TypeError("a claim's owner token must be the non-empty string claim() returned");
  }
  return token;
}

/** A new owner token: 16 random bytes (CSPRNG) as 32 lowercase hex characters. */
export function newToken() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The claim results, the same objects in every store. */
export const first = (token) => ({ outcome: 'first', token });
export const processing = (leaseLeftMs) => ({ outcome: 'processing', leaseLeftMs: Math.max(0, leaseLeftMs) });
export const DONE = Object.freeze({ outcome: 'done' });

/**
 * Runs `claim(token)` with a fresh token; when it fails (an error, or a timeout after
 * which the write may have applied), releases that token best-effort before rethrowing,
 * so a claim written anyway never turns the retry into a "duplicate".
 */
export async function claimReleasingOnError(store, key, claim) {
  const token = newToken();
  try {
    return await claim(token);
  } catch (e) {
    try {
      await store.release(key, token);
    } catch {
      // The store is down: what may be left is a lease, which expires.
    }
    throw e;
  }
}

/** `promise`, or a rejection after `ms` naming `what` (a hung store must not hang a request). */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs a best-effort sweep: its failure never fails the claim it follows. */
export async function sweepQuietly(sweep) {
  try {
    await sweep();
  } catch {
    // Expired rows are taken over on a repeat anyway; the next sweep tries again.
  }
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
