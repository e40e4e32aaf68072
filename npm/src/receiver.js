// What every helper does between the request and its handler, in one place: pick the
// verifier (the one given, or the tenant's, tenants.js), read the body through the
// helper's own reader, verify, record the metrics (metrics.js), attach the diagnosis
// when asked (docs/explain.md), and build the rejection answer from the receive
// contract's reply rows. The helpers only adapt their framework's request and response
// to it. No Node built-ins: the Fetch helper uses it in edge runtimes too.

import { replyOf } from './contract.js';
import { HooksealError } from './errors.js';
import { metricsFor } from './metrics.js';
import { isTenantConfig, TenantVerifiers } from './tenants.js';

/** On a Verified a helper made: `{tenant, metrics}` (the tenant is null for one fixed verifier). */
export const RECEIVED = Symbol('hookseal.received');

/** Whether `e` is an error of the core's table (a HooksealError of any module copy). */
/** On a HooksealError whose outcome is already recorded. */
const COUNTED = Symbol('hookseal.counted');

/** Whether `e` is an error of the core's table (a HooksealError of any module copy). */
export const isTyped = (e) => e instanceof HooksealError || (typeof e?.code === 'string' && typeof e?.status === 'number');

const DEFAULT_MAX_BODY = 1024 * 1024;
const wallClock = () => Date.now() / 1000;

/** `HOOKSEAL_EXPLAIN=1` in the environment, where there is one to read. */
function explainFromEnv() {
  try {
    return globalThis.process?.env?.HOOKSEAL_EXPLAIN === '1';
  } catch {
    // Deno without --allow-env.
    return false;
  }
}

/**
 * The receiving side of a helper, built once with the helper.
 *
 * @param {object} source a hookseal Verifier, or a tenants config
 *   `{scheme, tenant: (...req) => string, secrets: (tenant, ...req) => list | Promise<list>, tenantCache?, ...verifier options}`
 * @param {{now?: () => number, explain?: boolean, meter?: object | null}} options the helper's options
 * @param {{Verifier?: Function, what: string}} how the engine's Verifier class (to build
 *   tenants' verifiers) and the helper's name, for a TypeError
 */
export function receiver(source, options, { Verifier, what }) {
  const opts = options ?? {};
  const clock = opts.now ?? wallClock;
  let tenants = null;
  if (isTenantConfig(source)) {
    tenants = new TenantVerifiers(source, Verifier, clock);
  } else if (!source || typeof source.verify !== 'function') {
    throw new TypeError(`${what} needs a hookseal Verifier, or a tenants config { scheme, tenant, secrets }`);
  }
  const scheme = tenants ? tenants.scheme : source.scheme;
  const metrics = metricsFor(opts, clock);
  const explain = opts.explain ?? explainFromEnv();
  const fixed = tenants ? null : { verifier: source, tenant: null, received: { tenant: null, metrics } };
  const limit = tenants ? tenants.maxBody : (source.maxBody ?? DEFAULT_MAX_BODY);

  // One target per tenant's verifier, made when the verifier is first used.
  const targets = new WeakMap();
  const targetOf = (verifier, tenant) => {
    let t = targets.get(verifier);
    if (t === undefined) {
      t = { verifier, tenant, received: { tenant, metrics }, named: { value: tenant, enumerable: true } };
      targets.set(verifier, t);
    }
    return t;
  };

  /** `{verifier, tenant, received}` for a request, or a promise of it; throws HooksealError. */
  function target(req) {
    if (fixed) return fixed;
    const tenant = tenants.tenantOf(...req);
    if (typeof tenant !== 'string' || tenant === '') throw new HooksealError('unknown_tenant');
    const found = tenants.get(tenant, req);
    return typeof found.then === 'function' ? found.then((v) => targetOf(v, tenant)) : targetOf(found, tenant);
  }

  function check({ verifier, tenant, received, named }, raw, headers) {
    const now = opts.now ? { now: opts.now() } : undefined;
    const start = metrics.on ? performance.now() : 0;
    let verified;
    try {
      verified = verifier.verify(raw, headers, now);
    } catch (e) {
      if (isTyped(e)) {
        if (metrics.on) metrics.verification(scheme, e.code, (performance.now() - start) / 1000);
        e[COUNTED] = true;
        if (explain && typeof verifier.explain === 'function') e.explanation = explained(verifier, raw, headers, now);
      }
      throw e;
    }
    if (metrics.on) {
      metrics.verification(scheme, 'ok', (performance.now() - start) / 1000);
      metrics.skew(scheme, verified.timestamp);
    }
    // The tenant the request named, over the provider's own field of the envelope.
    if (tenant !== null) Object.defineProperty(verified, 'tenant', named);
    verified[RECEIVED] = received;
    return verified;
  }

  return {
    scheme,
    limit,
    metrics,
    /** The tenants' verifiers (their cache), or null for one fixed verifier. */
    tenants,
    /**
     * The verified delivery of a request: its verifier (`req` is what the tenant function
     * gets), its raw body from `read(limit)` (a value or a promise), its `headers`.
     * Throws HooksealError (the outcome is recorded); anything else is the app's.
     * @param {unknown[]} req
     * @param {(limit: number) => unknown} read
     * @param {unknown | (() => unknown)} headers the headers, or a function giving them
     */
    async receive(req, read, headers) {
      try {
        let t = target(req);
        if (typeof t.then === 'function') t = await t;
        let raw = read(t.verifier.maxBody ?? limit);
        if (typeof raw?.then === 'function') raw = await raw;
        return check(t, raw, typeof headers === 'function' ? headers() : headers);
      } catch (e) {
        if (metrics.on && isTyped(e) && e[COUNTED] !== true) metrics.verification(scheme, e.code);
        throw e;
      }
    },
  };
}

/**
 * `verifier.verify(raw, headers, options)`, with the diagnosis on the error
 * (`err.explanation`) when `options.explain` is true, or unset and HOOKSEAL_EXPLAIN=1:
 * the one-call helpers' (verifyRequest, verifyEvent) way to it.
 */
export function verifyExplained(verifier, raw, headers, options) {
  try {
    return verifier.verify(raw, headers, options);
  } catch (e) {
    if (isTyped(e) && (options?.explain ?? explainFromEnv()) && typeof verifier.explain === 'function') {
      e.explanation = explained(verifier, raw, headers, options?.now === undefined ? undefined : { now: options.now });
    }
    throw e;
  }
}

/** The diagnosis of a rejected delivery, or null when the engine cannot give one. */
function explained(verifier, raw, headers, now) {
  try {
    return verifier.explain(raw, headers, now);
  } catch {
    return null;
  }
}

/**
 * The answer for a HooksealError: `{status, headers, body}`, its status, `Retry-After`
 * where its reply row has one, and `{error, message}` (with `explanation` when the
 * helper attached one).
 */
export function rejection(err) {
  const headers = { 'content-type': 'application/json; charset=utf-8' };
  const retry = replyOf(err.code)?.retry_after;
  if (typeof retry === 'number') headers['retry-after'] = String(retry);
  const body = typeof err.toJSON === 'function' ? err.toJSON() : { error: err.code, message: err.message };
  if (err.explanation) body.explanation = err.explanation;
  return { status: err.status, headers, body: JSON.stringify(body) };
}
