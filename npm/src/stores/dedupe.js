// What the framework helpers do with a store: claim each verified delivery once, answer
// a duplicate without running the handler, and release the claim when the handler
// fails so that the provider's retry is processed. No Node built-ins: the Fetch helper
// uses it in edge runtimes too.

/** The JSON a duplicate delivery is acknowledged with (status 200). */
export const DUPLICATE_BODY = Object.freeze({ duplicate: true });

/**
 * The key a delivery is claimed under: `<scheme>:<idempotency key>`, so two providers'
 * event ids can never collide.
 * @param {{scheme: string, idempotencyKey: string}} verified
 */
export function claimKey(verified) {
  return `${verified.scheme}:${verified.idempotencyKey}`;
}

/** Checks a helper's `store` option: undefined, or an object with claim and release. */
export function checkStore(store) {
  if (store !== undefined && (typeof store?.claim !== 'function' || typeof store?.release !== 'function')) {
    throw new TypeError('the store option needs claim(key, ttlMs) and release(key) (see hookseal/stores)');
  }
  return store;
}

/**
 * Runs `handler` for the first delivery of `verified` only. A duplicate gets
 * `duplicate()` instead. A handler that throws, or answers with a 5xx status, releases
 * the claim (the error is rethrown).
 *
 * @template T
 * @param {{claim: Function, release: Function}} store
 * @param {{scheme: string, idempotencyKey: string}} verified
 * @param {{ttlMs?: number, handler: () => T | Promise<T>, duplicate: () => T}} how
 * @returns {Promise<T>}
 */
export async function runOnce(store, verified, { ttlMs, handler, duplicate }) {
  const key = claimKey(verified);
  if ((await store.claim(key, ttlMs)) === 'duplicate') return duplicate();
  let result;
  try {
    result = await handler();
  } catch (e) {
    await releaseQuietly(store, key);
    throw e;
  }
  if (result?.status >= 500) await releaseQuietly(store, key);
  return result;
}

/**
 * The connect/Express form: claims the delivery, then calls `next()` for the first and
 * answers a duplicate itself. The claim is released when the response finishes with a
 * 5xx status (Express's error handler, or the handler's own) or the connection closes
 * before the response is complete.
 */
export function claimThenNext(store, verified, ttlMs, res, next) {
  const key = claimKey(verified);
  store.claim(key, ttlMs).then((outcome) => {
    if (outcome === 'duplicate') {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(DUPLICATE_BODY));
      return;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      releaseQuietly(store, key);
    };
    res.once('finish', () => res.statusCode >= 500 && release());
    res.once('close', () => !res.writableFinished && release());
    next();
  }, next);
}

/** Releases a claim; a failure to release must not hide the handler's own error. */
async function releaseQuietly(store, key) {
  try {
    await store.release(key);
  } catch {
    // The claim then lives until its ttl: the retry is answered as a duplicate.
  }
}
