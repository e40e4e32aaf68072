// Secrets with a rotation window (`{secret, notAfter}`), in the secrets list beside plain
// strings and bytes: a secret verifies until its notAfter second, inclusive, and is
// skipped after it; secretIndex counts every configured secret. Bad shapes are typed
// errors. Runs against either engine (HOOKSEAL_ENGINE).

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { createApi } from '../src/api.js';
import { hookseal, rawEngine, T0, throwsCode } from './helper.js';

const { Verifier, HooksealError, sign } = hookseal;

const BODY = '{"event":"deal.created","id":"evt_1","tenant_id":"t_1","data":{}}';
const NEW = 'whsec_rotation_new';
const OLD = 'whsec_rotation_old';
// Signed with the old secret at T0; verified at T0 + 10 unless a test says otherwise.
const byOld = sign('salesbooth', OLD, BODY, { timestamp: T0 });
const byNew = sign('salesbooth', NEW, BODY, { timestamp: T0 });
const RETIRES = T0 + 10;

const booth = (secrets) => new Verifier('salesbooth', { secrets });
const verifyAt = (v, headers, now) => v.verify(BODY, headers, { now });

describe('notAfter: the rotation window', () => {
  test('an old secret verifies up to its notAfter second, inclusive', () => {
    const v = booth([NEW, { secret: OLD, notAfter: RETIRES }]);
    assert.equal(verifyAt(v, byOld, RETIRES - 1).secretIndex, 1);
    assert.equal(verifyAt(v, byOld, RETIRES).secretIndex, 1);
  });

  test('after notAfter it is skipped: a delivery signed only with it is signature_mismatch', () => {
    const v = booth([NEW, { secret: OLD, notAfter: RETIRES }]);
    throwsCode(() => verifyAt(v, byOld, RETIRES + 1), 'signature_mismatch');
    // The other secrets go on verifying, and keep their index.
    assert.equal(verifyAt(v, byNew, RETIRES + 1).secretIndex, 0);
  });

  test('secretIndex counts every configured secret, retired ones too', () => {
    const v = booth([{ secret: OLD, notAfter: RETIRES }, 'whsec_other', NEW]);
    assert.equal(verifyAt(v, byNew, RETIRES + 100).secretIndex, 2);
    assert.equal(verifyAt(v, byOld, RETIRES).secretIndex, 0);
  });

  test('a Date is its unix second (milliseconds floored)', () => {
    const v = booth([{ secret: OLD, notAfter: new Date(RETIRES * 1000 + 999) }]);
    assert.equal(verifyAt(v, byOld, RETIRES).secretIndex, 0);
    throwsCode(() => verifyAt(v, byOld, RETIRES + 1), 'signature_mismatch');
  });

  test('a fractional number of seconds is floored', () => {
    const v = booth([{ secret: OLD, notAfter: RETIRES + 0.9 }]);
    assert.equal(verifyAt(v, byOld, RETIRES).secretIndex, 0);
    throwsCode(() => verifyAt(v, byOld, RETIRES + 1), 'signature_mismatch');
  });

  test('a notAfter far in the past or the future saturates instead of failing', () => {
    throwsCode(() => verifyAt(booth([{ secret: OLD, notAfter: -1e300 }]), byOld, T0), 'signature_mismatch');
    assert.equal(verifyAt(booth([{ secret: OLD, notAfter: 1e300 }]), byOld, T0).secretIndex, 0);
  });

  test('absent or null notAfter: no limit', () => {
    for (const entry of [{ secret: OLD }, { secret: OLD, notAfter: null }, { secret: OLD, notAfter: undefined }]) {
      assert.equal(verifyAt(booth([entry]), byOld, T0 + 5).secretIndex, 0);
    }
  });

  test('one {secret, notAfter} object is a list of one', () => {
    const v = booth({ secret: OLD, notAfter: RETIRES });
    assert.equal(verifyAt(v, byOld, RETIRES).secretIndex, 0);
    throwsCode(() => verifyAt(v, byOld, RETIRES + 1), 'signature_mismatch');
  });

  test('bytes with a window (a token that is not UTF-8)', () => {
    const token = Uint8Array.from([0xff, 0x00, 0x7a]);
    const body = '{}';
    const headers = { 'x-saleslab-signature': signBytes(token, body) };
    const v = new Verifier('saleslab', { secrets: [{ secret: token, notAfter: RETIRES }] });
    assert.equal(v.verify(body, headers, { now: RETIRES }).secretIndex, 0);
    throwsCode(() => v.verify(body, headers, { now: RETIRES + 1 }), 'signature_mismatch');
  });

  test('the window is read at verification time (`now`), on every scheme', () => {
    const v = new Verifier('saleslab', { secrets: [{ secret: 'sl_old', notAfter: RETIRES }] });
    const headers = sign('saleslab', 'sl_old', BODY);
    assert.equal(v.verify(BODY, headers, { now: RETIRES }).secretIndex, 0);
    throwsCode(() => v.verify(BODY, headers, { now: RETIRES + 1 }), 'signature_mismatch');
  });

  test('a list without windows reaches the engine as before (no notAfter array)', () => {
    // engine.d.ts: notAfter is undefined when no secret has one.
    const seen = [];
    const spy = { ...rawEngine, Verifier: class extends rawEngine.Verifier {
      constructor(...args) {
        super(...args);
        seen.push(args[3]);
      }
    } };
    const api = createApi(spy, 'spy');
    new api.Verifier('saleslab', { secrets: ['a', new Uint8Array([1])] });
    new api.Verifier('saleslab', { secrets: ['a', { secret: 'b', notAfter: 5 }] });
    assert.equal(seen[0], undefined);
    assert.ok(seen[1] instanceof Float64Array);
    assert.deepEqual([...seen[1]], [NaN, 5]);
  });
});

/** The saleslab signature of `body` under a byte secret, with Node's crypto. */
function signBytes(secret, body) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('bad shapes are typed errors, never a TypeError from inside', () => {
  const secret = 'whsec_never_in_a_message';
  const bad = {
    invalid_secret: {
      'a number as the secret': { secret: 42, notAfter: RETIRES },
      'no secret key': { notAfter: RETIRES },
      'an empty object': {},
      'null as the secret': { secret: null },
      'an object as the secret': { secret: { secret } },
    },
    invalid_option: {
      'a string notAfter': { secret, notAfter: '2027-01-31' },
      'NaN': { secret, notAfter: NaN },
      'Infinity': { secret, notAfter: Infinity },
      'an invalid Date': { secret, notAfter: new Date('not a date') },
      'a boolean notAfter': { secret, notAfter: true },
      'a bigint notAfter': { secret, notAfter: 1n },
      'Python’s spelling not_after': { secret, not_after: RETIRES },
      'an unknown key': { secret, expires: RETIRES },
    },
  };
  for (const [code, entries] of Object.entries(bad)) {
    for (const [name, entry] of Object.entries(entries)) {
      test(`${name}: ${code}`, () => {
        assert.throws(() => booth(['whsec_fine', entry]), (e) => {
          assert.ok(e instanceof HooksealError, `expected HooksealError, got ${e?.name}: ${e?.message}`);
          assert.equal(e.code, code, e.message);
          assert.ok(!e.message.includes(secret), 'the message shows the secret');
          assert.match(e.message, /secrets\[1\]/, 'the message names the entry');
          return true;
        });
      });
    }
  }

  test('not_after hints at notAfter', () => {
    assert.throws(() => booth([{ secret, not_after: 1 }]), /did you mean notAfter\?/);
  });

  test('the core still checks the secret inside the object', () => {
    throwsCode(() => booth([{ secret: '', notAfter: RETIRES }]), 'invalid_secret');
    throwsCode(() => new Verifier('standard-webhooks', { secrets: [{ secret: 'whsec_!!not base64', notAfter: RETIRES }] }), 'invalid_secret');
  });

  test('whitespace around a secret (a newline from a file) is invalid_secret, its index named', () => {
    for (const entry of ['whsec_from_a_file\n', { secret: ' whsec_from_env', notAfter: RETIRES }]) {
      assert.throws(() => booth(['whsec_fine', entry]), (e) => {
        assert.ok(e instanceof HooksealError);
        assert.equal(e.code, 'invalid_secret');
        assert.match(e.message, /1/);
        assert.ok(!e.message.includes('from_a_file') && !e.message.includes('from_env'));
        return true;
      });
    }
  });

  test('wrong types of the list itself are still TypeErrors', () => {
    for (const secrets of [42, null, undefined, [42], ['s', null], [['s']]]) {
      assert.throws(() => booth(secrets), TypeError);
    }
  });
});
