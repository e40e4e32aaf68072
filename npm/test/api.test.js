// The JS API: body and header shapes, TypeErrors for wrong types, HooksealError for bad
// requests, the lazy envelope, sign and detect.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApi } from '../src/api.js';
import { loadEngine } from '../src/load.js';
import { hookseal, SALESBOOTH_SECRET, SCHEMES, T0, throwsCode } from './helper.js';

const { Verifier, Verified, HooksealError, sign, detect, ERROR_STATUS } = hookseal;

const BODY = '{"event":"deal.created","id":"evt_1","tenant_id":"tenant_abc123","data":{}}';
const booth = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const signed = sign('salesbooth', SALESBOOTH_SECRET, BODY, { timestamp: T0 });
const at = { now: T0 + 10 };

describe('header shapes', () => {
  const sig = signed['x-salesbooth-signature'];
  const ts = signed['x-salesbooth-timestamp'];
  const shapes = {
    'IncomingHttpHeaders (lowercase object)': { 'x-salesbooth-signature': sig, 'x-salesbooth-timestamp': ts },
    'IncomingHttpHeaders with an array of one value': {
      'x-salesbooth-signature': [sig],
      'x-salesbooth-timestamp': [ts],
    },
    'plain object in any case': { 'X-Salesbooth-Signature': sig, 'X-SALESBOOTH-TIMESTAMP': ts },
    'Fetch Headers': new Headers({ 'X-Salesbooth-Signature': sig, 'X-Salesbooth-Timestamp': ts }),
    Map: new Map([
      ['X-Salesbooth-Signature', sig],
      ['x-salesbooth-timestamp', ts],
    ]),
    '[name, value] pairs': [
      ['X-Salesbooth-Timestamp', ts],
      ['X-Salesbooth-Signature', sig],
    ],
    'Node rawHeaders (flat list)': ['X-Salesbooth-Timestamp', ts, 'X-Salesbooth-Signature', sig],
  };
  for (const [name, headers] of Object.entries(shapes)) {
    test(name, () => {
      const v = booth.verify(BODY, headers, at);
      assert.equal(v.timestamp, T0);
      assert.equal(v.kind, 'deal.created');
    });
  }

  test('a repeated header is one value, joined with ", " in order, in every shape', () => {
    const other = 'v1=' + '0'.repeat(64);
    const answer = (headers) => {
      try {
        return booth.verify(BODY, headers, at).timestamp;
      } catch (e) {
        return e.code;
      }
    };
    const joined = answer({ 'x-salesbooth-signature': `${sig}, ${other}`, 'x-salesbooth-timestamp': ts });
    assert.notEqual(joined, T0, 'a second signature header must not be ignored');
    const shapes = [
      { 'x-salesbooth-signature': [sig, other], 'x-salesbooth-timestamp': ts },
      { 'x-salesbooth-signature': sig, 'X-Salesbooth-Signature': ` ${other} `, 'x-salesbooth-timestamp': ts },
      ['x-salesbooth-signature', sig, 'X-Salesbooth-Timestamp', ts, 'x-salesbooth-signature', other],
      [['x-salesbooth-signature', sig], ['x-salesbooth-signature', other], ['x-salesbooth-timestamp', ts]],
      new Map([['x-salesbooth-signature', [sig, other]], ['x-salesbooth-timestamp', ts]]),
      new Headers([['x-salesbooth-signature', sig], ['x-salesbooth-signature', other], ['x-salesbooth-timestamp', ts]]),
    ];
    for (const headers of shapes) assert.equal(answer(headers), joined);
  });

  test('a missing header in any shape is missing_signature', () => {
    for (const headers of [{}, new Headers(), new Map(), [], { 'x-salesbooth-timestamp': String(T0) }]) {
      throwsCode(() => booth.verify(BODY, headers, at), 'missing_signature');
    }
  });

  test('only the names the scheme needs are read', () => {
    assert.deepEqual(booth.headerNames, ['x-salesbooth-signature', 'x-salesbooth-timestamp']);
    const touched = [];
    const spy = new Proxy(
      { ...signed, 'content-type': 'application/json', cookie: 'session=secret' },
      { get: (t, k) => (touched.push(k), t[k]) },
    );
    booth.verify(BODY, spy, at);
    const headerReads = touched.filter((k) => typeof k === 'string' && k.includes('-') || k === 'cookie');
    assert.deepEqual([...new Set(headerReads)].sort(), ['x-salesbooth-signature', 'x-salesbooth-timestamp']);
  });
});

describe('body shapes', () => {
  const bytes = new TextEncoder().encode(BODY);
  const shapes = {
    string: BODY,
    Buffer: Buffer.from(BODY),
    Uint8Array: bytes,
    ArrayBuffer: bytes.slice().buffer,
    'a view into a larger buffer': new Uint8Array(new TextEncoder().encode(`xx${BODY}yy`).buffer, 2, bytes.length),
    DataView: new DataView(bytes.slice().buffer),
  };
  for (const [name, body] of Object.entries(shapes)) {
    test(name, () => assert.equal(booth.verify(body, signed, at).eventId, 'evt_1'));
  }

  test('non-UTF-8 bytes are verified as bytes', () => {
    const raw = Uint8Array.from([0xff, 0xfe, 0x00, 0x80]);
    const h = sign('saleslab', 's', raw);
    const v = new Verifier('saleslab', { secrets: 's' }).verify(raw, h);
    assert.deepEqual([...v.body], [...raw]);
    assert.equal(v.kind, null);
    assert.match(v.idempotencyKey, /^[0-9a-f]{64}$/);
  });
});

describe('wrong types throw TypeError', () => {
  const cases = {
    'a number as secret': () => new Verifier('saleslab', { secrets: [42] }),
    'a number as the secrets': () => new Verifier('saleslab', { secrets: 42 }),
    'no options': () => new Verifier('saleslab'),
    'a non-string scheme': () => new Verifier(7, { secrets: ['s'] }),
    'a string tolerance other than off': () => new Verifier('salesbooth', { secrets: ['s'], toleranceSeconds: '300' }),
    'a string maxBody': () => new Verifier('saleslab', { secrets: ['s'], maxBody: '1mb' }),
    'undefined headers': () => booth.verify(BODY, undefined),
    'null headers': () => booth.verify(BODY, null),
    'a string as headers': () => booth.verify(BODY, 'x-salesbooth-signature: v1=00'),
    'a parsed JSON body': () => booth.verify(JSON.parse(BODY), signed),
    'a number body': () => booth.verify(42, signed),
    'undefined body': () => booth.verify(undefined, signed),
    'a string now': () => booth.verify(BODY, signed, { now: '1700000000' }),
    'sign with a number secret': () => sign('saleslab', 1, BODY),
    'sign with an object body': () => sign('saleslab', 's', { a: 1 }),
    'detect without headers': () => detect(undefined),
  };
  for (const [name, fn] of Object.entries(cases)) {
    test(name, () => assert.throws(fn, TypeError));
  }

  test('the message says what was expected and never echoes a secret', () => {
    assert.throws(() => new Verifier('saleslab', { secrets: ['ok', 12345] }), (e) => {
      assert.match(e.message, /secrets must be a string, a Uint8Array, a {secret, notAfter} object or an array of them/);
      assert.doesNotMatch(e.message, /12345/);
      return true;
    });
  });
});

describe('errors', () => {
  test('construction errors carry codes', () => {
    throwsCode(() => new Verifier('nope', { secrets: ['s'] }), 'unknown_scheme');
    throwsCode(() => new Verifier('saleslab', { secrets: [] }), 'invalid_secret');
    throwsCode(() => new Verifier('saleslab', { secrets: [''] }), 'invalid_secret');
    throwsCode(() => new Verifier('saleslab', { secrets: ['s'], toleranceSeconds: 300 }), 'invalid_option');
    throwsCode(() => new Verifier('salesbooth', { secrets: ['s'], toleranceSeconds: -1 }), 'invalid_option');
    throwsCode(() => new Verifier('salesbooth', { secrets: ['s'], maxBody: 0 }), 'invalid_option');
  });

  test('a misspelt option is invalid_option with a hint, never ignored', () => {
    assert.throws(
      () => new Verifier('salesbooth', { secrets: ['s'], tolerance: 600 }),
      (e) => e.code === 'invalid_option' && /toleranceSeconds/.test(e.message),
    );
    throwsCode(() => new Verifier('salesbooth', { secrets: ['s'], tolerence: 600 }), 'invalid_option');
  });

  test('option values are parsed by the core: its code and its message', () => {
    const coreSays = (pattern) => (e) => e instanceof HooksealError && e.code === 'invalid_option' && pattern.test(e.message);
    const custom = { secrets: ['s'], header: 'x-sig' };
    assert.throws(() => new Verifier('custom', { ...custom, encoding: 'base32' }), coreSays(/"hex" or "base64"/));
    assert.throws(() => new Verifier('custom', { ...custom, content: 'ts_body' }), coreSays(/"id\.ts\.body"/));
    assert.throws(() => new Verifier('salesbooth', { secrets: ['s'], toleranceSeconds: 1.5 }), coreSays(/whole number/));
    assert.throws(() => sign('saleslab', 's', BODY, { maxBody: 0 }), coreSays(/at least 1 byte/));
  });

  test('maxBody is what the core resolved, by default 1 MiB', () => {
    assert.equal(new Verifier('saleslab', { secrets: ['s'], maxBody: 1024 }).maxBody, 1024);
    assert.equal(new Verifier('saleslab', { secrets: ['s'] }).maxBody, 1024 * 1024);
  });

  test('request errors carry code and HTTP status, in the order of checks (docs/schemes.md)', () => {
    const tampered = BODY.replace('evt_1', 'evt_2');
    const cases = [
      [() => booth.verify('x'.repeat(1024 * 1024 + 1), signed, at), 'payload_too_large', 413],
      [() => booth.verify(BODY, {}, at), 'missing_signature', 400],
      [() => booth.verify(BODY, { ...signed, 'x-salesbooth-signature': 'v1=zz' }, at), 'malformed_signature', 400],
      [() => booth.verify(BODY, { 'x-salesbooth-signature': signed['x-salesbooth-signature'] }, at), 'missing_timestamp', 400],
      [() => booth.verify(BODY, { ...signed, 'x-salesbooth-timestamp': '-1' }, at), 'malformed_timestamp', 400],
      [() => booth.verify(BODY, signed, { now: T0 + 301 }), 'timestamp_too_old', 400],
      [() => booth.verify(BODY, signed, { now: T0 - 301 }), 'timestamp_too_new', 400],
      [() => booth.verify(tampered, signed, at), 'signature_mismatch', 401],
    ];
    for (const [fn, code, status] of cases) {
      assert.throws(fn, (e) => e instanceof HooksealError && e.code === code && e.status === status, code);
    }
  });

  test('HooksealError is an Error with name, code, status and a JSON form', () => {
    const e = new HooksealError('signature_mismatch', 'no');
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'HooksealError');
    assert.equal(e.status, 401);
    assert.deepEqual(e.toJSON(), { error: 'signature_mismatch', message: 'no' });
    assert.equal(ERROR_STATUS.payload_too_large, 413);
  });

  test('no secret appears in a message, toString or JSON', () => {
    const secret = 'whsec_do_not_print_me';
    const v = new Verifier('salesbooth', { secrets: [secret] });
    assert.ok(!String(v).includes(secret) && !JSON.stringify(v).includes(secret));
    try {
      v.verify(BODY, signed, at);
      assert.fail('should not verify');
    } catch (e) {
      assert.ok(!e.message.includes(secret) && !e.stack.includes(secret));
    }
  });

  test('rotation: secretIndex says which secret matched', () => {
    const v = new Verifier('salesbooth', { secrets: ['whsec_new', SALESBOOTH_SECRET] });
    assert.equal(v.verify(BODY, signed, at).secretIndex, 1);
  });

  test('toleranceSeconds off, and now as a Date', () => {
    const v = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET], toleranceSeconds: 'off' });
    assert.equal(v.verify(BODY, signed, { now: new Date(0) }).timestamp, T0);
    assert.equal(booth.verify(BODY, signed, { now: new Date((T0 + 5) * 1000) }).timestamp, T0);
  });

  test('garbage in any header or body never crashes, only HooksealError', () => {
    // Every scheme of the table that builds without options (custom needs a header).
    const schemes = SCHEMES.map((s) => s.id).filter((id) => id !== 'custom');
    const secrets = { 'standard-webhooks': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
    let seed = 7;
    const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const junk = () => String.fromCharCode(...Array.from({ length: rand(90) }, () => rand(0x3000)));
    for (const scheme of schemes) {
      const v = new Verifier(scheme, { secrets: [secrets[scheme] ?? 's'] });
      for (let i = 0; i < 200; i++) {
        const headers = Object.fromEntries(v.headerNames.map((n) => [n, junk()]));
        try {
          v.verify(junk(), headers, { now: rand(2 ** 31) });
        } catch (e) {
          assert.ok(e instanceof HooksealError, String(e));
        }
      }
    }
  });
});

describe('Verified', () => {
  test('fields, body, text and json', () => {
    const v = booth.verify(Buffer.from(BODY), signed, at);
    assert.ok(v instanceof Verified);
    assert.equal(v.scheme, 'salesbooth');
    assert.equal(v.kind, 'deal.created');
    assert.equal(v.eventId, 'evt_1');
    assert.equal(v.eventIdSigned, true);
    assert.equal(v.tenant, 'tenant_abc123');
    assert.equal(v.idempotencyKey, 'evt_1');
    assert.equal(v.timestamp, T0);
    assert.equal(v.secretIndex, 0);
    assert.equal(v.text(), BODY);
    assert.equal(v.json(), v.json(), 'parsed once');
    assert.deepEqual(v.json(), JSON.parse(BODY));
    assert.equal(JSON.parse(JSON.stringify(v)).tenant, 'tenant_abc123');
  });

  test('the envelope is read by the engine lazily, once', () => {
    const { engine } = loadEngine();
    let calls = 0;
    class Counting extends engine.Verifier {
      envelope(...args) {
        calls++;
        return super.envelope(...args);
      }
    }
    const api = createApi({ ...engine, Verifier: Counting, sign: engine.sign, detect: engine.detect }, 'counting');
    const v = new api.Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] }).verify(BODY, signed, at);
    assert.equal(calls, 0, 'verify does not read the envelope');
    assert.equal(v.timestamp, T0);
    assert.equal(calls, 0);
    assert.equal(v.kind, 'deal.created');
    assert.equal(v.tenant, 'tenant_abc123');
    assert.equal(v.idempotencyKey, 'evt_1');
    assert.equal(calls, 1);
  });

  test('an unsigned header id is never the idempotency key', () => {
    const body = '{"event_kind":"badge.awarded"}';
    const h = { ...sign('saleslab', 's', body), 'x-saleslab-delivery-id': 'd_9', 'x-saleslab-event': 'other' };
    const v = new Verifier('saleslab', { secrets: ['s'] }).verify(body, h);
    assert.equal(v.eventId, 'd_9');
    assert.equal(v.eventIdSigned, false);
    assert.equal(v.kind, 'badge.awarded');
    assert.match(v.idempotencyKey, /^[0-9a-f]{64}$/);
  });
});

describe('sign and detect', () => {
  test('sign returns lowercase names in order id, timestamp, signature', () => {
    const h = sign('standard-webhooks', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', BODY, { timestamp: T0, id: 'msg_1' });
    assert.deepEqual(Object.keys(h), ['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    assert.equal(h['webhook-id'], 'msg_1');
    assert.equal(h['webhook-timestamp'], String(T0));
  });

  test('sign without a timestamp uses the current time', () => {
    const h = sign('salesbooth', SALESBOOTH_SECRET, BODY);
    assert.ok(Math.abs(Number(h['x-salesbooth-timestamp']) - Date.now() / 1000) < 5);
    assert.equal(booth.verify(BODY, h).kind, 'deal.created');
  });

  test('sign with options (salescaling and custom)', () => {
    assert.deepEqual(sign('salescaling', 'tok_1', BODY), { authorization: 'Bearer tok_1' });
    const opts = { header: 'X-Sig', prefix: 'sha256=', content: 'ts.body', timestampHeader: 'X-Ts' };
    const h = sign('custom', 'k', BODY, { ...opts, timestamp: T0 });
    assert.deepEqual(Object.keys(h), ['x-ts', 'x-sig']);
    assert.equal(new Verifier('custom', { secrets: ['k'], ...opts }).verify(BODY, h, { now: T0 }).timestamp, T0);
    throwsCode(() => sign('saleslab', 's', BODY, { header: 'x' }), 'invalid_option');
    throwsCode(() => sign('nope', 's', BODY), 'unknown_scheme');
  });

  test('detect finds the scheme in any header shape', () => {
    assert.equal(detect({ 'Stripe-Signature': 't=1,v1=00' }), 'stripe');
    assert.equal(detect(new Headers({ 'x-hub-signature-256': 'sha256=00' })), 'github');
    assert.equal(detect([['X-Salesbooth-Signature', 'v1=00']]), 'salesbooth');
    assert.equal(detect(new Map([['x-saleslab-signature', ['sha256=00']]])), 'saleslab');
    assert.equal(detect({ 'content-type': 'application/json' }), null);
    assert.equal(detect({ 'x-salesos-signature': '  ' }), null);
  });
});
