// examples/edge-worker/README.md, the worker (edge_worker.js) bundled and run in workerd
// on 127.0.0.1 by the example's own harness, and sent deliveries signed with the old
// secret of the rotation: genuine, tampered, unsigned and oversized.
// Needs the example's packages and the wasm engine (examples/edge-worker/demo-receiver.sh build).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from 'hookseal';
import { startWorkerd } from '../../examples/edge-worker/build.mjs';
import { deliver } from './check.mjs';

const entry = fileURLToPath(new URL('./edge_worker.js', import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), 'hookseal-edge-snippet-'));
const mf = await startWorkerd(entry, outdir, {}, { port: 0, host: '127.0.0.1' });
try {
  const url = String(await mf.ready);
  const body = '{"event":"deal.created","tenant_id":"tenant_abc123","id":"evt_edge_1","data":{}}';
  const headers = sign('salesbooth', 'whsec_old', body, { timestamp: Math.floor(Date.now() / 1000) });
  const res = await fetch(url, { method: 'POST', headers, body });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { kind: 'deal.created', tenant: 'tenant_abc123' });
  assert.equal(await deliver(url, 'salesbooth', 'whsec_old', body, { tamper: true }), 401);
  assert.equal((await fetch(url, { method: 'POST', body })).status, 400);
  const large = JSON.stringify({ event: 'deal.created', pad: 'x'.repeat(1024 * 1024) });
  assert.equal(await deliver(url, 'salesbooth', 'whsec_new', large), 413);
  console.log('examples/edge-worker/README.md worker: ok');
} finally {
  await mf.dispose();
}
