// The receive contract in JS is the core's: every code and status HooksealError uses,
// the edge answers the helpers send, the defaults of the stores. Nothing is copied by
// hand, so this compares the JS tables with the document the engine hands over.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_LEASE_MS, DEFAULT_TTL_MS } from 'hookseal/stores';
import { duplicateAnswer, edgeAnswer, onClaim, onHandler } from '../src/contract.js';
import { hookseal } from './helper.js';

const { ERROR_STATUS, HooksealError, receiveContract } = hookseal;
const core = receiveContract();

describe('the receive contract', () => {
  test('ERROR_STATUS is the core reply table, code for code', () => {
    const fromCore = Object.fromEntries(Object.entries(core.replies).map(([code, r]) => [code, r.status]));
    assert.deepEqual({ ...ERROR_STATUS }, fromCore);
    for (const code of ['payload_too_large', 'signature_mismatch', 'body_already_parsed', 'unreadable_body',
      'store_unavailable', 'delivery_in_progress', 'internal']) {
      assert.ok(Object.hasOwn(ERROR_STATUS, code), code);
    }
    assert.equal(Object.hasOwn(ERROR_STATUS, 'internal_error'), false, 'the internal code is spelled `internal`');
  });

  test('a HooksealError carries the status and default message of its row', () => {
    for (const [code, row] of Object.entries(core.replies)) {
      const e = new HooksealError(code);
      assert.equal(e.status, row.status, code);
      assert.deepEqual(e.toJSON(), { error: code, message: row.message });
    }
  });

  test('the edge answers are the core rows, with Retry-After where the row has one', () => {
    const busy = edgeAnswer('delivery_in_progress', 41_200);
    assert.equal(busy.status, 503);
    assert.equal(busy.headers['retry-after'], '42');
    assert.equal(edgeAnswer('delivery_in_progress', 0).headers['retry-after'], '1');
    assert.equal(edgeAnswer('delivery_in_progress', 1000).headers['retry-after'], '1');
    assert.equal(edgeAnswer('delivery_in_progress', 1001).headers['retry-after'], '2');
    const down = edgeAnswer('store_unavailable');
    assert.equal(down.headers['retry-after'], String(core.store_retry_after_seconds));
    assert.deepEqual(JSON.parse(down.body), { error: 'store_unavailable', message: core.replies.store_unavailable.message });
    assert.equal(edgeAnswer('unreadable_body').headers['retry-after'], undefined);
    assert.deepEqual(duplicateAnswer().status, 200);
    assert.deepEqual(JSON.parse(duplicateAnswer().body), { duplicate: true });
  });

  test('the decision table', () => {
    assert.equal(onClaim('first'), 'run_handler');
    assert.equal(onClaim('processing'), 'delivery_in_progress');
    assert.equal(onClaim('done'), 'duplicate');
    assert.equal(onClaim('failed'), 'store_unavailable');
    for (let s = 100; s < 600; s++) assert.equal(onHandler(s), s >= 200 && s < 300 ? 'complete' : 'release', String(s));
    assert.equal(onHandler(null), 'release');
  });

  test('the stores default to the core lease and TTL', () => {
    assert.equal(DEFAULT_LEASE_MS, core.lease_seconds * 1000);
    assert.equal(DEFAULT_TTL_MS, core.ttl_seconds * 1000);
  });
});
