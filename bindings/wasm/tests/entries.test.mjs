// The Node entry points of `hookseal/wasm` (npm/wasm/node.js for `import`, node.cjs for
// `require`): the public API over the wasm engine, saying so. node.cjs needs the
// CommonJS build of the JS layer (`npm run build:cjs` in npm/).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as esm from '../../../npm/wasm/node.js';

const cjs = createRequire(import.meta.url)('../../../npm/wasm/node.cjs');

for (const [name, h] of [['import', esm], ['require', cjs]]) {
  test(`${name}: a signed delivery verifies, a tampered one is a HooksealError`, () => {
    assert.equal(h.engine, 'wasm');
    const body = '{"event":"deal.created","tenant_id":"t_1","id":"evt_1"}';
    const headers = h.sign('salesbooth', 'whsec_test', body, { timestamp: 1700000000 });
    const v = new h.Verifier('salesbooth', { secrets: ['whsec_other', 'whsec_test'] });
    const r = v.verify(body, headers, { now: 1700000100 });
    assert.equal(r.secretIndex, 1);
    assert.equal(r.tenant, 't_1');
    assert.equal(r.idempotencyKey, 'evt_1');
    assert.throws(() => v.verify(body.replace('t_1', 't_2'), headers, { now: 1700000100 }), (e) => {
      assert.ok(e instanceof h.HooksealError);
      assert.equal(e.code, 'signature_mismatch');
      assert.equal(e.status, 401);
      return true;
    });
    assert.equal(h.detect({ 'X-SalesLab-Signature': 'sha256=00' }), 'saleslab');
  });
}
