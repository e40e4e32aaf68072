// Runs the example: two tenants, a rotated secret, an unknown tenant, and the metrics
// the deliveries left. `npm test` (scripts/ci/node.sh runs it).
import assert from 'node:assert/strict';
import { sign } from 'hookseal';
import { createApp } from './server.js';
import { meter, reader } from './metrics.js';

const server = createApp({ meter }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const body = JSON.stringify({ event: 'deal.won', id: 'evt_1', data: {} });
const post = async (tenant, secret) =>
  (await fetch(`${base}/hooks/saleslab/${tenant}`, { method: 'POST', body, headers: { ...sign('saleslab', secret, body), 'x-saleslab-event': 'deal.won', 'x-saleslab-delivery-id': 'd_1' } })).status;
try {
  assert.equal(await post('acme', 'sl_acme_example'), 204);
  assert.equal(await post('globex', 'sl_globex_old'), 204, 'before its notAfter');
  assert.equal(await post('globex', 'sl_globex_new'), 204);
  assert.equal(await post('globex', 'sl_acme_example'), 401, "another tenant's secret");
  assert.equal(await post('initech', 'sl_acme_example'), 404, 'a tenant nobody configured');
  const { resourceMetrics } = await reader.collect();
  const verifications = resourceMetrics.scopeMetrics[0].metrics.find((m) => m.descriptor.name === 'hookseal.verifications');
  const counts = Object.fromEntries(verifications.dataPoints.map((p) => [p.attributes['hookseal.outcome'], p.value]));
  assert.deepEqual(counts, { ok: 3, signature_mismatch: 1, unknown_tenant: 1 });
  console.log('express-tenants example: ok', counts);
} finally {
  server.close();
}
