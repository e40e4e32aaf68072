// Verification metrics (docs/metrics.md) through OpenTelemetry, read back with the SDK's
// MetricReader: the contract's instruments and attribute names, counts per scheme x
// outcome, the skew and duration histograms, duplicates processed and in flight; no label
// carries a secret, a signature, a tenant or an id; nothing recorded without a meter; the
// helpers load and verify when @opentelemetry/api is not installed at all.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { metrics } from '@opentelemetry/api';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';
import { NO_METRICS } from '../src/metrics.js';
import { receiver } from '../src/receiver.js';
import { here, hookseal, T0 } from './helper.js';

const { Verifier, sign } = hookseal;
const SECRET = 'whsec_metrics_secret';
const contract = hookseal.receiveContract().metrics;
const NAMES = Object.fromEntries(Object.entries(contract.instruments).map(([k, v]) => [k, v.name]));
const A = contract.attributes;

class TestReader extends MetricReader {
  async onForceFlush() {}
  async onShutdown() {}
}

function meterAndReader() {
  const reader = new TestReader();
  const provider = new MeterProvider({ readers: [reader] });
  return { provider, reader, meter: provider.getMeter(contract.meter) };
}

/** name -> data points, from one collect(). */
async function collected(reader) {
  const { resourceMetrics } = await reader.collect();
  const out = {};
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const m of scope.metrics) out[m.descriptor.name] = { unit: m.descriptor.unit, points: m.dataPoints };
  }
  return out;
}

const countOf = (points, attrs) =>
  points
    .filter((p) => Object.entries(attrs).every(([k, v]) => p.attributes[k] === v) && Object.keys(p.attributes).length === Object.keys(attrs).length)
    .reduce((n, p) => n + (typeof p.value === 'number' ? p.value : p.value.count), 0);

const body = (id) => JSON.stringify({ event: 'deal.created', id, data: {} });
const request = (b, headers) => new Request('http://receiver.test/hooks/acme', { method: 'POST', body: b, headers });

describe('metrics', () => {
  test('counts per scheme and outcome, skew, duration and duplicates, with the contract names only', async () => {
    const { reader, meter } = meterAndReader();
    const verifier = new Verifier('salesbooth', { secrets: [SECRET] });
    let release;
    const gate = new Promise((r) => {
      release = r;
    });
    let t = T0;
    const handle = withWebhook(
      verifier,
      async (event) => {
        if (event.eventId === 'evt_slow') await gate;
        return new Response(null, { status: 204 });
      },
      { meter, store: new MemoryStore(), now: () => t },
    );
    const b = body('evt_1');
    const signed = sign('salesbooth', SECRET, b, { timestamp: T0 - 7 });
    assert.equal((await handle(request(b, signed))).status, 204);
    assert.equal((await handle(request(b, signed))).status, 200, 'a duplicate');
    assert.equal((await handle(request(b.replace('1', '2'), signed))).status, 401);
    assert.equal((await handle(request(b, sign('salesbooth', SECRET, b, { timestamp: T0 - 3600 })))).status, 400);
    assert.equal((await handle(request(b, {}))).status, 400);
    const slow = body('evt_slow');
    const slowHeaders = sign('salesbooth', SECRET, slow, { timestamp: T0 });
    const first = handle(request(slow, slowHeaders));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal((await handle(request(slow, slowHeaders))).status, 503, 'in flight');
    release();
    assert.equal((await first).status, 204);

    const got = await collected(reader);
    assert.deepEqual(Object.keys(got).sort(), Object.values(NAMES).sort());
    for (const [key, spec] of Object.entries(contract.instruments)) assert.equal(got[spec.name].unit, spec.unit, key);
    const v = got[NAMES.verifications].points;
    const ok = { [A.scheme]: 'salesbooth', [A.outcome]: 'ok' };
    assert.equal(countOf(v, ok), 4);
    assert.equal(countOf(v, { [A.scheme]: 'salesbooth', [A.outcome]: 'signature_mismatch' }), 1);
    assert.equal(countOf(v, { [A.scheme]: 'salesbooth', [A.outcome]: 'timestamp_too_old' }), 1);
    assert.equal(countOf(v, { [A.scheme]: 'salesbooth', [A.outcome]: 'missing_signature' }), 1);
    const d = got[NAMES.duplicates].points;
    assert.equal(countOf(d, { [A.scheme]: 'salesbooth', [A.duplicate]: 'processed' }), 1);
    assert.equal(countOf(d, { [A.scheme]: 'salesbooth', [A.duplicate]: 'in_flight' }), 1);
    const skew = got[NAMES.skew].points;
    assert.equal(countOf(skew, { [A.scheme]: 'salesbooth' }), 4);
    assert.equal(skew[0].value.max, 7, 'now minus the signed timestamp, in seconds');
    assert.equal(skew[0].value.min, 0);
    assert.equal(countOf(got[NAMES.duration].points, ok), 4);
    assert.equal(countOf(got[NAMES.duration].points, { [A.scheme]: 'salesbooth', [A.outcome]: 'signature_mismatch' }), 1);
  });

  test('no label carries a secret, a signature, a tenant or an id', async () => {
    const { reader, meter } = meterAndReader();
    const secrets = { 'tenant-acme-7f3a': ['whsec_label_secret'] };
    const app = withWebhook(
      { scheme: 'saleslab', tenant: () => 'tenant-acme-7f3a', secrets: (tenant) => secrets[tenant] },
      () => new Response(null, { status: 204 }),
      { meter },
    );
    const b = body('evt_private_id');
    const headers = sign('saleslab', 'whsec_label_secret', b);
    await app(request(b, headers));
    await app(request(b.replace('private', 'other'), headers));
    const got = await collected(reader);
    const labels = Object.values(got).flatMap((m) => m.points.map((p) => p.attributes));
    const allowedKeys = new Set(Object.values(A));
    const allowedValues = new Set(['saleslab', 'ok', 'processed', 'in_flight', ...Object.keys(hookseal.receiveContract().replies)]);
    assert.ok(labels.length > 0);
    for (const l of labels) {
      for (const [k, value] of Object.entries(l)) {
        assert.ok(allowedKeys.has(k), k);
        assert.ok(allowedValues.has(value), `label value ${value}`);
      }
    }
    const text = JSON.stringify(labels);
    for (const leak of ['whsec_label_secret', 'tenant-acme', 'evt_private_id', ...Object.values(headers)]) {
      assert.ok(!text.includes(leak), leak);
    }
  });

  test('unknown_tenant and secrets_unavailable are outcomes too, without a duration', async () => {
    const { reader, meter } = meterAndReader();
    let fail = true;
    const app = withWebhook(
      { scheme: 'saleslab', tenant: () => 'x', secrets: () => {
        if (fail) throw new Error('down');
        return null;
      } },
      () => new Response(null, { status: 204 }),
      { meter },
    );
    assert.equal((await app(request('{}', {}))).status, 503);
    fail = false;
    assert.equal((await app(request('{}', {}))).status, 404);
    const got = await collected(reader);
    assert.equal(countOf(got[NAMES.verifications].points, { [A.scheme]: 'saleslab', [A.outcome]: 'secrets_unavailable' }), 1);
    assert.equal(countOf(got[NAMES.verifications].points, { [A.scheme]: 'saleslab', [A.outcome]: 'unknown_tenant' }), 1);
    assert.equal(got[NAMES.duration], undefined);
  });

  test('the global provider is used when one is registered; none, or meter: null, records nothing', async () => {
    const verifier = new Verifier('salesbooth', { secrets: [SECRET] });
    assert.equal(receiver(verifier, {}, { what: 't' }).metrics, NO_METRICS, 'no provider registered: the API is a no-op');
    const { reader, provider } = meterAndReader();
    metrics.setGlobalMeterProvider(provider);
    try {
      assert.equal(receiver(verifier, { meter: null }, { what: 't' }).metrics, NO_METRICS);
      const handle = withWebhook(verifier, () => new Response(null, { status: 204 }));
      const b = body('evt_g');
      await handle(request(b, sign('salesbooth', SECRET, b)));
      const got = await collected(reader);
      assert.equal(countOf(got[NAMES.verifications].points, { [A.scheme]: 'salesbooth', [A.outcome]: 'ok' }), 1);
    } finally {
      metrics.disable();
    }
  });

  test('a meter that is not a Meter is a TypeError', () => {
    const verifier = new Verifier('salesbooth', { secrets: [SECRET] });
    assert.throws(() => webhook(verifier, { meter: {} }), TypeError);
  });

  test('the helpers load and verify when @opentelemetry/api is not installed', () => {
    const hide = join(here, 'support', 'no-otel.cjs');
    const script = `
      const { Verifier, sign } = await import('hookseal');
      const { webhook } = await import('hookseal/express');
      const { withWebhook } = await import('hookseal/fetch');
      let missing = false;
      try { await import('@opentelemetry/api'); } catch { missing = true; }
      const v = new Verifier('salesbooth', { secrets: ['whsec_x'] });
      webhook(v);
      const h = withWebhook(v, () => new Response(null, { status: 204 }));
      const b = '{}';
      const r = await h(new Request('http://x/', { method: 'POST', body: b, headers: sign('salesbooth', 'whsec_x', b) }));
      console.log(JSON.stringify({ missing, status: r.status }));`;
    const out = execFileSync(process.execPath, ['--require', hide, '--input-type=module', '-e', script], {
      cwd: join(here, '..'),
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out), { missing: true, status: 204 });
  });
});
