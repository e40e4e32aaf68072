// verifier.explain(body, headers, {now}), in verify's order: the core's diagnosis
// (docs/explain.md) as a plain object, from either engine (HOOKSEAL_ENGINE). Its
// verdict is verify's for the same input (every vector and hostile row checks that
// too: vectors.test.js, hostile.test.js); here, its shape, a few findings and the
// argument checks.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hookseal, T0 } from './helper.js';

const { Verifier, sign } = hookseal;

const SECRET = 'whsec_explain_test';
const BODY = '{"event":"deal.created","id":"evt_1","tenant_id":"t_1","data":{}}';
const booth = new Verifier('salesbooth', { secrets: [SECRET] });
const signed = sign('salesbooth', SECRET, BODY, { timestamp: T0 });
const at = { now: T0 + 5 };
const codes = (why) => why.findings.map((f) => f.code);

/** The Explanation's shape (index.d.ts): exactly these keys, these types. */
function checkShape(why) {
  assert.deepEqual(Object.keys(why).sort(), ['code', 'findings', 'message', 'ok']);
  assert.equal(typeof why.ok, 'boolean');
  assert.ok(why.code === null || typeof why.code === 'string');
  assert.equal(why.ok, why.code === null);
  assert.equal(typeof why.message, 'string');
  assert.ok(why.message.length > 0);
  assert.ok(Array.isArray(why.findings));
  for (const f of why.findings) {
    assert.deepEqual(Object.keys(f).sort(), ['code', 'message']);
    assert.match(f.code, /^[a-z][a-z0-9_]*$/);
    assert.equal(typeof f.message, 'string');
  }
}

describe('explain', () => {
  test('a genuine delivery: ok, no code', () => {
    const why = booth.explain(BODY, signed, at);
    checkShape(why);
    assert.equal(why.ok, true);
    assert.equal(why.code, null);
    assert.equal(booth.verify(BODY, signed, at).secretIndex, 0);
  });

  test('a tampered body: signature_mismatch, as verify says', () => {
    const why = booth.explain(BODY.replace('evt_1', 'evt_2'), signed, at);
    checkShape(why);
    assert.equal(why.code, 'signature_mismatch');
  });

  test('no signature header: missing_signature', () => {
    const why = booth.explain(BODY, { 'content-type': 'application/json' }, at);
    checkShape(why);
    assert.equal(why.code, 'missing_signature');
  });

  test('a stale delivery: timestamp_too_old, and the clock skew is named', () => {
    const why = booth.explain(BODY, signed, { now: T0 + 3 * 3600 });
    checkShape(why);
    assert.equal(why.code, 'timestamp_too_old');
    assert.ok(codes(why).includes('clock_skew'), JSON.stringify(why));
  });

  test('a body that lost its trailing newline (curl -d)', () => {
    const sent = sign('salesbooth', SECRET, `${BODY}\n`, { timestamp: T0 });
    const why = booth.explain(BODY, sent, at);
    assert.equal(why.code, 'signature_mismatch');
    assert.ok(codes(why).includes('trailing_newline_lost'), JSON.stringify(why));
  });

  test('a delivery signed only with a retired secret: secret_retired', () => {
    const v = new Verifier('salesbooth', { secrets: ['whsec_current', { secret: SECRET, notAfter: T0 }] });
    assert.equal(v.explain(BODY, signed, { now: T0 }).ok, true);
    const why = v.explain(BODY, signed, { now: T0 + 1 });
    assert.equal(why.code, 'signature_mismatch');
    assert.ok(codes(why).includes('secret_retired'), JSON.stringify(why));
  });

  test('every header shape is read, as verify reads it', () => {
    const pairs = Object.entries(signed);
    const shapes = [signed, new Headers(signed), new Map(pairs), pairs, pairs.flat()];
    for (const headers of shapes) assert.equal(booth.explain(BODY, headers, at).ok, true);
  });

  test('`now` as a Date; the current time when absent', () => {
    assert.equal(booth.explain(BODY, signed, { now: new Date((T0 + 5) * 1000) }).ok, true);
    const now = Math.floor(Date.now() / 1000);
    const fresh = sign('salesbooth', SECRET, BODY, { timestamp: now });
    assert.equal(booth.explain(BODY, fresh).ok, true);
    assert.equal(booth.explain(BODY, signed).code, 'timestamp_too_old');
  });

  test('a body over maxBody: payload_too_large, as verify says', () => {
    const small = new Verifier('saleslab', { secrets: ['s'], maxBody: 8 });
    const why = small.explain('x'.repeat(9), {});
    checkShape(why);
    assert.equal(why.code, 'payload_too_large');
    assert.throws(() => small.verify('x'.repeat(9), {}), { code: 'payload_too_large' });
  });

  test('nothing it says shows the secret', () => {
    const wrong = sign('salesbooth', 'whsec_someone_else', BODY, { timestamp: T0 });
    for (const [headers, now] of [[wrong, T0], [signed, T0 + 9999], [{}, T0], [signed, T0 - 9999]]) {
      const text = JSON.stringify(booth.explain(BODY, headers, { now }));
      assert.ok(!text.includes(SECRET.slice(6)), text);
    }
  });

  test('each call returns a fresh object', () => {
    const a = booth.explain(BODY, signed, at);
    const n = a.findings.length;
    a.findings.push({ code: 'x', message: 'y' });
    assert.equal(booth.explain(BODY, signed, at).findings.length, n);
  });
});

describe('explain: wrong types are TypeErrors', () => {
  const cases = {
    'the headers first': () => booth.explain(signed, BODY),
    'the headers first, bytes second': () => booth.explain(new Headers(signed), Buffer.from(BODY)),
    'no headers': () => booth.explain(BODY, undefined),
    'null headers': () => booth.explain(BODY, null),
    'a parsed JSON body': () => booth.explain(JSON.parse(BODY), signed),
    'no body': () => booth.explain(undefined, signed),
    'headers only': () => booth.explain(signed),
    'a string now': () => booth.explain(BODY, signed, { now: '1700000000' }),
  };
  for (const [name, fn] of Object.entries(cases)) {
    test(name, () => assert.throws(fn, TypeError));
  }

  test('the order mistake is named', () => {
    for (const fn of [() => booth.explain(signed, BODY), () => booth.explain(Object.entries(signed), Buffer.from(BODY))]) {
      assert.throws(fn, { name: 'TypeError', message: /explain\(body, headers\)/ });
    }
  });

  test('a parsed JSON body is not taken for headers', () => {
    assert.throws(() => booth.explain(JSON.parse(BODY), signed), { name: 'TypeError', message: /parsed JSON/ });
  });

  test('the body first, as verify takes it', () => {
    assert.equal(booth.explain(Buffer.from(BODY), signed, at).ok, true);
    assert.equal(booth.explain(new TextEncoder().encode(BODY).buffer, new Headers(signed), at).ok, true);
  });
});
