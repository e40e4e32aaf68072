// How header values reach the engine: only the ones verify reads, each whole (the
// native engine copies short values onto the stack and longer ones onto the heap, so
// every length around that boundary is tried, with multi-byte characters at the cut),
// and the envelope-only headers read from the same headers object only when asked for.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { here, hookseal, throwsCode, wanted } from './helper.js';

const { Verifier, sign } = hookseal;
const body = Buffer.from('{"event":"meeting.completed"}');

describe('header values cross whole', () => {
  // The native engine's stack copy is 256 bytes; "Bearer " is 7 of them.
  for (let n = 230; n <= 280; n++) {
    for (const tail of ['', '€', '😀', 'é€😀']) {
      const token = 't'.repeat(n) + tail;
      test(`a ${Buffer.byteLength(token)}-byte token ending in ${JSON.stringify(tail)}`, () => {
        const v = new Verifier('salescaling', { secrets: [token] });
        assert.equal(v.verify(body, { authorization: `Bearer ${token}` }).secretIndex, 0);
        // A value cut anywhere near the end must not pass for the whole token.
        for (const cut of [1, 2, 3, 4]) {
          const short = Buffer.from(token).subarray(0, Buffer.byteLength(token) - cut).toString();
          throwsCode(() => v.verify(body, { authorization: `Bearer ${short}` }), 'signature_mismatch');
        }
      });
    }
  }

  test('a Stripe header of 16 signatures (over 1 KiB), the genuine one last', () => {
    const secret = 'whsec_long_header';
    const genuine = sign('stripe', secret, body, { timestamp: 1_700_000_000 })['stripe-signature'];
    const v1 = genuine.split(',v1=')[1];
    const decoys = Array.from({ length: 15 }, (_, i) => `v1=${i.toString(16).padStart(64, '0')}`);
    const header = ['t=1700000000', ...decoys, `v1=${v1}`].join(',');
    assert.ok(header.length > 1024);
    const v = new Verifier('stripe', { secrets: [secret] });
    assert.equal(v.verify(body, { 'stripe-signature': header }, { now: 1_700_000_000 }).timestamp, 1_700_000_000);
  });
});

describe('envelope-only headers', () => {
  const secret = 'sl_secret';
  const signed = sign('saleslab', secret, Buffer.from('not json'));

  /** Headers that count how often each name is read. */
  function counting(extra) {
    const reads = {};
    const headers = {};
    for (const [name, value] of Object.entries({ ...signed, ...extra })) {
      Object.defineProperty(headers, name, {
        enumerable: true,
        get() {
          reads[name] = (reads[name] ?? 0) + 1;
          return value;
        },
      });
    }
    return { headers, reads };
  }

  test('are not read by verify, only when the envelope is first asked for', () => {
    const { headers, reads } = counting({ 'x-saleslab-event': 'badge.awarded', 'x-saleslab-delivery-id': 'd_7' });
    const v = new Verifier('saleslab', { secrets: [secret] });
    const verified = v.verify(Buffer.from('not json'), headers);
    assert.deepEqual(Object.keys(reads), ['x-saleslab-signature']);
    assert.equal(verified.kind, 'badge.awarded');
    assert.equal(verified.eventId, 'd_7');
    assert.equal(verified.eventIdSigned, false);
    assert.equal(reads['x-saleslab-event'], 1);
    assert.equal(reads['x-saleslab-delivery-id'], 1);
    // Read once: later fields come from the same envelope.
    verified.tenant;
    verified.idempotencyKey;
    assert.equal(reads['x-saleslab-event'], 1);
  });

  test('absent from the request are null, and the key is the body hash', () => {
    const v = new Verifier('saleslab', { secrets: [secret] });
    const verified = v.verify(Buffer.from('not json'), new Headers(signed));
    assert.equal(verified.kind, null);
    assert.equal(verified.eventId, null);
    assert.match(verified.idempotencyKey, /^[0-9a-f]{64}$/);
  });
});

describe('the native verify and envelope functions', { skip: wanted !== 'native' && 'native engine only' }, () => {
  const require = createRequire(import.meta.url);
  const engine = () => new (require('../binding.cjs').Verifier)('saleslab', [SECRET], []);
  // The addon itself, under the engine interface that binding.cjs shapes.
  const addon = () => require(join(here, '..', readdirSync(join(here, '..')).find((f) => /^hookseal\..+\.node$/.test(f))));
  const SECRET = 'sl_secret';
  const header = sign('saleslab', SECRET, body)['x-saleslab-signature'];
  /** The engine's own errors: a plain Error with the core's code (api.js adds the class). */
  const engineError = (code) => (e) => e.constructor === Error && e.code === code;

  test('verifies through the engine interface', () => {
    assert.equal(engine().verifyHeaderCount(), 1);
    assert.deepEqual(engine().verify(body, [header], undefined), { timestamp: null, secretIndex: 0 });
  });

  test('wrong argument types are TypeErrors, not crashes', () => {
    const native = addon();
    const raw = native.verifierVerifyFunction(native.verifierNew('saleslab', [SECRET], []));
    const out = new Float64Array(2);
    const cases = [
      [undefined, undefined, out, header],
      ['a string body', undefined, out, header],
      [new Uint16Array(4), undefined, out, header],
      [body, 'now', out, header],
      [body, undefined, new Float64Array(1), header],
      [body, undefined, new Float32Array(2), header],
      [body, undefined, undefined, header],
      [body, undefined, out, 42],
      [body, undefined, out, {}],
    ];
    for (const args of cases) assert.throws(() => raw(...args), TypeError, `args ${args.map(String)}`);
    assert.throws(() => raw(body, undefined, out, null), engineError('missing_signature'));
    assert.throws(() => raw(body, undefined, out), engineError('missing_signature'));
    assert.throws(() => raw(body, undefined, out, 'sha256=00'), engineError('malformed_signature'));
    raw(body, undefined, out, header);
    assert.deepEqual([...out], [NaN, 0]);
  });

  test('envelope returns the text fields as one string, with their lengths in out', () => {
    const native = addon();
    const raw = native.verifierEnvelopeFunction(native.verifierNew('saleslab', [SECRET], []));
    const out = new Float64Array(4);
    const json = Buffer.from('{"event_kind":"deal.wön","delivery_id":"d_😀","company_id":"c_9"}');
    assert.equal(raw(json, out, header), 'deal.wönd_😀c_9d_😀');
    assert.deepEqual([...out], [8, 4, 3, 1]);
    const text = raw(Buffer.from('not json'), out, header, 'badge.awarded', 'h_1');
    assert.deepEqual([...out], [13, 3, -1, 0]);
    assert.match(text, /^badge\.awardedh_1[0-9a-f]{64}$/);
    const wrong = [[], ['text', out], [json], [json, new Float64Array(3)], [json, out, 42], [json, out, header, {}]];
    for (const args of wrong) assert.throws(() => raw(...args), TypeError, `args ${args.map(String)}`);
  });

  test('the engine shapes the envelope from it', () => {
    const json = Buffer.from('{"event_kind":"deal.wön","delivery_id":"d_😀","company_id":"c_9"}');
    assert.deepEqual(engine().envelope(json, [header, null, null]), {
      kind: 'deal.wön',
      eventId: 'd_😀',
      eventIdSigned: true,
      tenant: 'c_9',
      idempotencyKey: 'd_😀',
    });
  });
});
