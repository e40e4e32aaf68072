// Where hookseal's time goes at one body size: the whole JS API call (and with the
// envelope read as well), the engine call alone (body bytes and the signature header's
// value already extracted), and the SalesLab snippet.
//   node bench/overhead.bench.mjs [bytes]

import { createRequire } from 'node:module';
import { sign, Verifier } from 'hookseal';
import { saleslabVerify } from './snippets.mjs';

const size = Number(process.argv[2] ?? 1024);
const engine = createRequire(import.meta.url)('../binding.cjs');
const body = Buffer.alloc(size, 'x');
const headers = { host: 'h', 'content-type': 'application/json', ...sign('saleslab', 's', body), 'x-saleslab-event': 'deal.won', 'x-saleslab-delivery-id': 'd_1' };
const values = [headers['x-saleslab-signature']];
const api = new Verifier('saleslab', { secrets: ['s'] });
const raw = new engine.Verifier('saleslab', ['s'], []);
const fns = {
  'SalesLab snippet': () => saleslabVerify('s', body, headers['x-saleslab-signature']),
  'hookseal verify (JS API)': () => api.verify(body, headers),
  'hookseal verify + envelope': () => api.verify(body, headers).idempotencyKey,
  'engine verify (values given)': () => raw.verify(body, values, 1_700_000_000),
};
const time = (fn, n) => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / n;
};
const best = {};
for (let round = 0; round < 15; round++) {
  for (const [name, fn] of Object.entries(fns)) best[name] = Math.min(best[name] ?? Infinity, time(fn, 20_000));
}
for (const [name, ns] of Object.entries(best)) console.log(`${name.padEnd(32)} ${ns.toFixed(0).padStart(7)} ns`);
