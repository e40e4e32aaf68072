// One million verifications in a loop (genuine and failing deliveries mixed) must not
// grow the process: after a warm-up, resident memory stays within a fixed bound. A leak
// of even 40 bytes per call (a body copy, an error, a result the engine keeps) would
// add ~38 MiB here. The figures are printed; no time is asserted.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { hookseal, wanted } from './helper.js';

const { Verifier, HooksealError, sign } = hookseal;

const ITERATIONS = 1_000_000;
const WARM_UP = 100_000;
const SAMPLES = 10;
/** The growth of RSS allowed over the million calls, after warm-up. */
const BOUND_MIB = 32;

// A full collection before each reading, so the figures are live memory, not garbage
// the collector has not reached yet.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const rssMiB = () => {
  gc();
  return process.memoryUsage().rss / 2 ** 20;
};

const SECRET = 'whsec_memory';
const BODY = Buffer.from('{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}');
const verifier = new Verifier('saleslab', { secrets: [SECRET] });
const good = sign('saleslab', SECRET, BODY);
const deliveries = [
  [BODY, good, null],
  [Buffer.from('{"event_kind":"deal.won","delivery_id":"d_2"}'), good, 'signature_mismatch'],
  [BODY, { 'x-saleslab-signature': 'sha256=zz' }, 'malformed_signature'],
  // Longer than the native engine's stack copy: copied onto the heap, and freed.
  [BODY, { 'x-saleslab-signature': `sha256=${'a'.repeat(300)}` }, 'malformed_signature'],
  [BODY, [['x-saleslab-signature', good['x-saleslab-signature']]], null],
  [BODY, {}, 'missing_signature'],
];

/** Verifies `n` deliveries, cycling through the mix; returns how many were genuine. */
function run(n, from) {
  let genuine = 0;
  for (let i = from; i < from + n; i++) {
    const [body, headers, code] = deliveries[i % deliveries.length];
    try {
      const v = verifier.verify(body, headers);
      if (v.eventId !== 'd_1' || !v.idempotencyKey) throw new Error('wrong envelope');
      genuine++;
    } catch (e) {
      if (!(e instanceof HooksealError) || e.code !== code) throw e;
    }
  }
  return genuine;
}

test(`${ITERATIONS} verifications keep RSS within ${BOUND_MIB} MiB (engine: ${wanted})`, (t) => {
  run(WARM_UP, 0);
  const before = rssMiB();
  const samples = [];
  let genuine = 0;
  const step = ITERATIONS / SAMPLES;
  for (let s = 0; s < SAMPLES; s++) {
    genuine += run(step, s * step);
    samples.push(rssMiB());
  }
  const after = samples.at(-1);
  const peak = Math.max(...samples);
  const report =
    `memory (${wanted}): ${ITERATIONS} verifications (${genuine} genuine) after ${WARM_UP} warm-up: ` +
    `RSS before ${before.toFixed(1)} MiB, after ${after.toFixed(1)} MiB, peak ${peak.toFixed(1)} MiB, ` +
    `growth ${(peak - before).toFixed(1)} MiB (bound ${BOUND_MIB} MiB)`;
  t.diagnostic(report);
  // Calls 0 .. ITERATIONS-1 cycle through the mix; count the genuine ones the same way.
  let expected = 0;
  for (let i = 0; i < ITERATIONS; i++) if (deliveries[i % deliveries.length][2] === null) expected++;
  assert.equal(genuine, expected);
  assert.ok(peak - before < BOUND_MIB, report);
});
