// What the framework helpers do with a store, as the core's decision table says
// (contract.js: on_claim, on_handler; docs/receiving.md §4): claim each verified
// delivery with a processing lease before its handler runs; a 2xx from the handler
// completes the claim, anything else releases it (owner-checked). A delivery whose lease
// is live is answered 503 delivery_in_progress with Retry-After, a completed one 200
// {"duplicate": true}, a store failure 503 store_unavailable. No Node built-ins: the
// Fetch helper uses it in edge runtimes too.

import { duplicateAnswer, edgeAnswer, onClaim, onHandler, receiveContract } from '../contract.js';
import { RECEIVED } from '../receiver.js';
import { tenantClaimKey } from '../tenants.js';

/**
 * The key a delivery is claimed under, `<scheme>:<idempotency key>` (the contract's
 * `claim_key`), so two providers' event ids never collide, or for a tenant's delivery
 * `<scheme>/<tenant>:<idempotency key>` (`tenants.claim_key`, tenants.js), so two
 * tenants' never do; `null` for an empty idempotency key, which is never claimed (every
 * delivery would share it).
 * @param {{scheme: string, idempotencyKey: string}} verified
 */
export function claimKey(verified) {
  const id = verified.idempotencyKey;
  if (!id) return null;
  const tenant = verified[RECEIVED]?.tenant;
  if (tenant) return tenantClaimKey(verified.scheme, tenant, id);
  return receiveContract()
    .claim_key.replace('<scheme>', () => verified.scheme)
    .replace('<idempotency_key>', () => id);
}

/**
 * What records a duplicate answered for `verified` (metrics.js): a function of
 * `'processed' | 'in_flight'`, or undefined when its helper has no meter.
 */
export function duplicatesOf(verified) {
  const metrics = verified[RECEIVED]?.metrics;
  return metrics?.on ? (kind) => metrics.duplicate(verified.scheme, kind) : undefined;
}

/** Checks a helper's `store` option: undefined, or an object with claim, complete and release. */
export function checkStore(store) {
  if (store === undefined) return store;
  for (const op of ['claim', 'complete', 'release']) {
    if (typeof store?.[op] !== 'function') {
      throw new TypeError(
        'the store option needs claim(key, leaseMs), complete(key, token, ttlMs) and release(key, token) (see hookseal/stores)',
      );
    }
  }
  return store;
}

/**
 * Claims `key` and says what to do: `{token}` (run the handler, then settle with the
 * token) or `{answer}` (`{status, headers, body}`, sent without the handler).
 * `seen('processed' | 'in_flight')` is told of a duplicate (duplicatesOf).
 */
export async function claimOrAnswer(store, key, leaseMs, seen) {
  let claimed;
  try {
    claimed = await store.claim(key, leaseMs);
  } catch {
    // The store released its own token best-effort (an unknown outcome included).
    claimed = { outcome: 'failed' };
  }
  const next = onClaim(claimed?.outcome) ?? onClaim('failed');
  if (next === 'run_handler') return { token: claimed.token };
  if (next === 'duplicate') {
    seen?.('processed');
    return { answer: duplicateAnswer() };
  }
  if (next === 'delivery_in_progress') seen?.('in_flight');
  return { answer: edgeAnswer(next, claimed.leaseLeftMs) };
}

/**
 * After the handler: its status (`null` when it threw or its connection broke before it
 * answered) completes or releases the claim. Never throws: a failed complete or release
 * leaves a lease, which expires, and the retry after it runs the handler.
 */
export async function settle(store, key, token, status, ttlMs) {
  try {
    if (onHandler(status) === 'complete') await store.complete(key, token, ttlMs);
    else await store.release(key, token);
  } catch {
    // See above: at least once, never lost.
  }
}

/**
 * Runs `handler` for a delivery nobody has completed or is processing; otherwise
 * `answer({status, headers, body})` gives the response. The handler's result's `status`
 * decides: 2xx completes the claim, anything else releases it; a handler that throws
 * releases it and the error is rethrown.
 *
 * @template T
 * @param {{claim: Function, complete: Function, release: Function}} store
 * @param {{scheme: string, idempotencyKey: string}} verified
 * @param {{leaseMs?: number, ttlMs?: number, handler: () => T | Promise<T>, answer: (a: {status: number, headers: Record<string, string>, body: string}) => T}} how
 * @returns {Promise<T>}
 */
export async function runOnce(store, verified, { leaseMs, ttlMs, handler, answer }) {
  const key = claimKey(verified);
  if (key === null) return handler();
  const claimed = await claimOrAnswer(store, key, leaseMs, duplicatesOf(verified));
  if (claimed.answer) return answer(claimed.answer);
  let result;
  try {
    result = await handler();
  } catch (e) {
    await settle(store, key, claimed.token, null, ttlMs);
    throw e;
  }
  await settle(store, key, claimed.token, typeof result?.status === 'number' ? result.status : null, ttlMs);
  return result;
}

/** Sends an answer of the contract on a Node `ServerResponse`. */
export function sendAnswer(res, { status, headers, body }) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

/**
 * The connect/Express form: claims the delivery, then calls `next()` for a delivery to
 * process and answers the others itself.
 *
 * The handler's outcome is the status the response is ENDED with, whether or not the
 * client is still connected: a provider that gave up (a client disconnect) does not
 * release the claim while the handler runs, since the handler still runs and ends the
 * response later. `res.destroy()` before the response ended is an abort: released. A
 * connection that closes and is never ended (a handler that hangs, or an error after
 * the headers were sent, where Express destroys the socket) releases nothing: the claim
 * is a lease, and the provider's retry after it runs the handler.
 *
 * @param {{claim: Function, complete: Function, release: Function}} store
 * @param {{scheme: string, idempotencyKey: string}} verified
 * @param {{leaseMs?: number, ttlMs?: number}} options
 */
export function claimThenNext(store, verified, options, res, next) {
  claimForResponse(store, verified, options, res).then((answer) => (answer ? sendAnswer(res, answer) : next()), next);
}

/**
 * The promise form of `claimThenNext`, for helpers that send answers their own way:
 * `null` to run the handler (the claim is settled by the status `res` ends with), or the
 * answer (`{status, headers, body}`) to send without it.
 * @returns {Promise<{status: number, headers: Record<string, string>, body: string} | null>}
 */
export async function claimForResponse(store, verified, options, res) {
  const { leaseMs, ttlMs } = options ?? {};
  const key = claimKey(verified);
  if (key === null) return null;
  const { token, answer } = await claimOrAnswer(store, key, leaseMs, duplicatesOf(verified));
  if (answer) return answer;
  onOutcome(res, (status) => settle(store, key, token, status, ttlMs));
  return null;
}

/** Calls `decide(status)` once: when `res` is ended (its status), or destroyed first (`null`). */
function onOutcome(res, decide) {
  let decided = false;
  const once = (status) => {
    if (decided) return;
    decided = true;
    res.end = end;
    res.destroy = destroy;
    decide(status);
  };
  const { end, destroy } = res;
  res.end = function hooksealEnd(...args) {
    once(res.statusCode);
    return end.apply(this, args);
  };
  res.destroy = function hooksealDestroy(...args) {
    once(null);
    return destroy.apply(this, args);
  };
}
