// What the helpers add around verify, per request (docs/benchmarks/node.md, "Helpers"):
// the shared receiving step every helper calls (src/receiver.js) with one fixed verifier
// and no meter; with a tenants config on the cache's hit path; with an OpenTelemetry SDK
// meter. Each awaited, as the helpers await it; the baseline is the verify call, awaited
// the same way. No HTTP: the framework's own cost is not here.
//   node bench/helpers.bench.mjs [bytes]

import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { sign, Verifier } from 'hookseal';
import { receiver } from '../src/receiver.js';

const size = Number(process.argv[2] ?? 1024);
const body = Buffer.alloc(size, 'x');
const headers = { host: 'h', 'content-type': 'application/json', ...sign('salesbooth', 'whsec_s', body) };
const real = new Verifier('salesbooth', { secrets: ['whsec_s'] });

// The helpers' own cost is measured around a verifier that does no work (its result
// prepared once), so the engine's time, and its noise, stay out of the differences; the
// real verify is timed on its own for scale.
const { timestamp } = real.verify(body, headers);
/** A Verified's shape: fields set in the constructor, the envelope's `tenant` a getter. */
class Delivery {
  #kept;
  constructor() {
    this.scheme = 'salesbooth';
    this.timestamp = timestamp;
    this.#kept = null;
  }
  get tenant() {
    return this.#kept;
  }
}
class Stub {
  constructor(scheme) {
    this.scheme = scheme;
    this.maxBody = 1024 * 1024;
  }
  verify() {
    return new Delivery();
  }
}
const verifier = new Stub('salesbooth');

class Reader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}
const meter = new MeterProvider({ readers: [new Reader()] }).getMeter('hookseal');
const tenants = { Verifier: Stub, scheme: 'salesbooth', tenant: (req) => req.tenant, secrets: async () => ['whsec_s'] };
const req = [{ tenant: 'acme' }];
const read = () => body;
const fixed = receiver(verifier, {}, { what: 'bench' });
const tenant = receiver(tenants, {}, { what: 'bench' });
const metered = receiver(verifier, { meter }, { what: 'bench' });
const tenantMetered = receiver(tenants, { meter }, { what: 'bench' });
await tenant.receive(req, read, headers); // the miss: cached from here on
await tenantMetered.receive(req, read, headers);

const fns = {
  'stub verify (awaited)': async () => verifier.verify(body, headers),
  'receive, fixed verifier, no meter': () => fixed.receive(req, read, headers),
  'receive, tenants (cache hit), no meter': () => tenant.receive(req, read, headers),
  'receive, fixed verifier, SDK meter': () => metered.receive(req, read, headers),
  'receive, tenants (hit), SDK meter': () => tenantMetered.receive(req, read, headers),
};
async function time(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / n;
}
// The machine is shared: each round times every case back to back, and the difference
// to the baseline is taken within the round; the median over the rounds is reported.
const rounds = 21;
const diffs = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
const best = {};
for (let round = 0; round < rounds; round++) {
  const times = {};
  const base = fns['stub verify (awaited)'];
  const before = await time(base, 20_000);
  for (const [name, fn] of Object.entries(fns)) times[name] = await time(fn, 20_000);
  times['stub verify (awaited)'] = (before + (await time(base, 20_000))) / 2;
  for (const name of Object.keys(fns)) {
    diffs[name].push(times[name] - times['stub verify (awaited)']);
    best[name] = Math.min(best[name] ?? Infinity, times[name]);
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
for (const name of Object.keys(fns)) {
  const extra = name === 'stub verify (awaited)' ? '' : `median +${(median(diffs[name]) / 1000).toFixed(2)} µs`;
  console.log(`${name.padEnd(42)} ${(best[name] / 1000).toFixed(2).padStart(6)} µs (fastest round)  ${extra}`);
}
let verifyNs = Infinity;
for (let round = 0; round < 15; round++) verifyNs = Math.min(verifyNs, await time(async () => real.verify(body, headers), 2_000));
console.log(`${'real verify, salesbooth (awaited)'.padEnd(42)} ${(verifyNs / 1000).toFixed(2).padStart(6)} µs`);
