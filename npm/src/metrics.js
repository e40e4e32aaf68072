// Verification metrics through OpenTelemetry's API (docs/metrics.md). The meter name, the
// instruments and the attribute names are the receive contract's `metrics` section
// (contract.js), never spelled here. `@opentelemetry/api` is an optional peer: it is
// looked up once, when a helper is built; without it, or without a meter provider
// registered (the API's no-op one), a helper gets NO_METRICS and records nothing, at no
// cost per request. Attributes are the scheme, the outcome code and the duplicate kind:
// never a secret, a signature, a tenant or an id. No Node built-ins are imported: the
// Fetch helper uses this in edge runtimes too.

import { receiveContract } from './contract.js';

/** What a helper without a meter records: nothing. */
export const NO_METRICS = Object.freeze({
  on: false,
  verification() {},
  skew() {},
  duplicate() {},
});

// Joined at run time: a bundler (esbuild, wrangler) must not see a literal to resolve,
// since the package is an optional peer an edge bundle usually does not have.
const SPECIFIER = ['@opentelemetry', 'api'].join('/');
let api;

/** `@opentelemetry/api` if it is installed and loads synchronously, else null; looked up once. */
function otelApi() {
  if (api !== undefined) return api;
  api = null;
  try {
    // Node >= 20.16 (and Bun, Deno): a synchronous require, without importing a Node
    // built-in at the top of a file edge runtimes load.
    const mod = globalThis.process?.getBuiltinModule?.('node:module');
    if (mod) api = mod.createRequire(import.meta.url)(SPECIFIER);
  } catch {
    api = null;
  }
  return api;
}

// Elsewhere (workerd, Node 18) there is no synchronous lookup, and no dynamic import
// either: an edge runtime's module loader (workerd's, through miniflare or wrangler)
// refuses a specifier it cannot resolve when it loads the bundle. Pass `meter` there.

const instruments = new WeakMap();

/**
 * The recorder of a helper: its `meter` option, else the meter of the global provider
 * when `@opentelemetry/api` is installed and a provider is registered, else NO_METRICS.
 * `meter: null` turns metrics off.
 * @param {{meter?: object | null}} options the helper's options
 * @param {() => number} clock unix seconds (the helper's `now`, else the wall clock)
 */
export function metricsFor(options, clock) {
  let meter = options?.meter;
  if (meter === null) return NO_METRICS;
  const { meter: name, instruments: spec, attributes } = receiveContract().metrics;
  const otel = otelApi();
  if (meter === undefined) {
    if (!otel) return NO_METRICS;
    meter = otel.metrics.getMeter(name);
  }
  if (typeof meter?.createCounter !== 'function' || typeof meter?.createHistogram !== 'function') {
    throw new TypeError('the meter option needs an OpenTelemetry Meter (createCounter, createHistogram)');
  }
  if (otel && meter instanceof otel.createNoopMeter().constructor) return NO_METRICS;
  let made = instruments.get(meter);
  if (made === undefined) {
    const make = (key, how) => {
      const { name: id, kind, unit } = spec[key];
      const create = kind === 'counter' ? meter.createCounter : meter.createHistogram;
      return create.call(meter, id, { unit, description: how });
    };
    made = {
      verifications: make('verifications', 'deliveries verified, by scheme and outcome (ok or the code answered)'),
      skew: make('skew', 'seconds the signed timestamp is behind the receiver (negative: ahead)'),
      duplicates: make('duplicates', 'deliveries answered as duplicates, processed or in flight'),
      duration: make('duration', 'seconds of the verify step'),
    };
    instruments.set(meter, made);
  }
  // One frozen attributes object per (scheme, outcome): none is made per request.
  const labels = new Map();
  const attrs = (scheme, key, value) => {
    const id = `${scheme}\u0000${key}\u0000${value}`;
    let a = labels.get(id);
    if (a === undefined) {
      a = Object.freeze(key ? { [attributes.scheme]: scheme, [attributes[key]]: value } : { [attributes.scheme]: scheme });
      labels.set(id, a);
    }
    return a;
  };
  return Object.freeze({
    on: true,
    /** A delivery's outcome (`ok` or the code answered), and the seconds its verify step took, if it ran. */
    verification(scheme, outcome, seconds) {
      const a = attrs(scheme, 'outcome', outcome);
      made.verifications.add(1, a);
      if (seconds !== undefined) made.duration.record(seconds, a);
    },
    /** The signed timestamp of a verified delivery: now minus it, in seconds. */
    skew(scheme, timestamp) {
      if (timestamp === null || timestamp === undefined) return;
      made.skew.record(clock() - timestamp, attrs(scheme, '', ''));
    },
    /** A duplicate answered: `processed` (200 duplicate) or `in_flight` (503 delivery_in_progress). */
    duplicate(scheme, kind) {
      made.duplicates.add(1, attrs(scheme, 'duplicate', kind));
    },
  });
}
