// What `verified.event()` costs over the JSON.parse a handler writes by hand, for a
// SalesOS deal.won delivery of about 1 KiB: event() parses the body once and reads the
// kind from the envelope (the core's read of the signed body); validate adds the schema
// check. Each round times every case on fresh Verified objects (event() and the envelope
// are read once per delivery, so a reused one would measure a cache); best round of 25.
//   node --expose-gc bench/events.bench.mjs [bytes]          HOOKSEAL_ENGINE=wasm for the wasm engine

import { engine, sign, Verifier } from 'hookseal';
import 'hookseal/events';

const size = Number(process.argv[2] ?? 1024);
const deal = { id: '880e8400-e29b-41d4-a716-446655440000', name: 'Tech Corp - Enterprise License', value: 82000, stage: 'Closed Won', owner_id: '660e8400-e29b-41d4-a716-446655440001', previous_stage: 'Negotiation' };
const payload = { id: 'evt_abc123def456', type: 'deal.won', created_at: '2026-03-15T14:30:00Z', data: { ...deal, notes: '' } };
payload.data.notes = 'n'.repeat(Math.max(0, size - JSON.stringify(payload).length));
const text = JSON.stringify(payload);
const body = Buffer.from(text);
const headers = sign('salesos', 's', body);
const verifier = new Verifier('salesos', { secrets: ['s'] });

const N = 5_000;
const fresh = () => Array.from({ length: N }, () => verifier.verify(body, headers));
const cases = {
  'JSON.parse(string)': () => (i) => JSON.parse(text),
  'JSON.parse(bytes as UTF-8)': () => (i) => JSON.parse(body.toString('utf8')),
  'verified.json()': (pool) => (i) => pool[i].json(),
  'verified.kind (the envelope)': (pool) => (i) => pool[i].kind,
  'verified.event()': (pool) => (i) => pool[i].event(),
  'verified.event({validate: true})': (pool) => (i) => pool[i].event({ validate: true }),
};
const best = {};
for (let round = 0; round < 25; round++) {
  for (const [name, make] of Object.entries(cases)) {
    const fn = make(fresh());
    globalThis.gc?.();
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) fn(i);
    best[name] = Math.min(best[name] ?? Infinity, Number(process.hrtime.bigint() - start) / N);
  }
}
const base = best['JSON.parse(string)'];
console.log(`${engine} engine, ${body.length}-byte body`);
for (const [name, ns] of Object.entries(best)) {
  console.log(`${name.padEnd(34)} ${ns.toFixed(0).padStart(7)} ns  ${(ns / base).toFixed(2)}x JSON.parse`);
}
