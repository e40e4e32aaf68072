// npm/README.md, "Sign and detect": the headers sign returns and the scheme detect names.
import assert from 'node:assert/strict';

// --- npm/README.md
import { sign, detect } from 'hookseal';

const headers = sign('salesbooth', 'whsec_test', '{"event":"deal.created"}', { timestamp: 1700000000 });
// { 'x-salesbooth-timestamp': '1700000000', 'x-salesbooth-signature': 'v1=…' }

const scheme = detect({ 'Stripe-Signature': 't=1700000000,v1=…' });   // 'stripe' (or null)
// --- end

assert.deepEqual(Object.keys(headers), ['x-salesbooth-timestamp', 'x-salesbooth-signature']);
assert.equal(headers['x-salesbooth-timestamp'], '1700000000');
assert.match(headers['x-salesbooth-signature'], /^v1=[0-9a-f]{64}$/);
assert.equal(scheme, 'stripe');
console.log('npm/README.md "Sign and detect": ok');
