// Every row of core/vectors/hostile/ through the public API, headers as [name, value]
// pairs (the shape that keeps duplicates and order), then wrong JS types in every
// argument: each is a TypeError or a HooksealError, never a crash or another error.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { hookseal, jsOptions, throwsCode, vectorsDir } from './helper.js';

const { Verifier, HooksealError, sign, detect } = hookseal;

const hostileDir = join(vectorsDir, 'hostile');
const ROWS = readdirSync(hostileDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(join(hostileDir, f), 'utf8')));

/** A VALUE of the table (see its README): a string, or a Uint8Array of raw bytes. */
function expand(value) {
  if (typeof value === 'string') return value;
  if ('b64' in value) return new Uint8Array(Buffer.from(value.b64, 'base64'));
  if ('repeat' in value) {
    const part = expand(value.repeat);
    if (typeof part === 'string') return part.repeat(value.count);
    return new Uint8Array(Buffer.concat(Array.from({ length: value.count }, () => part)));
  }
  const parts = value.concat.map(expand);
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  return new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
}

/**
 * A header value as Node's HTTP parser hands it over: raw bytes become a latin1 string
 * (one char per byte), so bytes that are not UTF-8 reach the API as non-ASCII text.
 */
function headerValue(value) {
  const v = expand(value);
  return typeof v === 'string' ? v : Buffer.from(v).toString('latin1');
}

function headersOf(row) {
  const pairs = Array.from({ length: row.filler_headers ?? 0 }, (_, i) => [`x-filler-${i}`, 'v']);
  for (const [name, value] of row.headers) pairs.push([name, headerValue(value)]);
  return pairs;
}


function runRow(row) {
  const options = { secrets: row.secrets.map(expand) };
  Object.assign(options, jsOptions(row.options));
  const verifier = new Verifier(row.scheme, options);
  const verified = verifier.verify(expand(row.body), headersOf(row), { now: row.now });
  // The envelope is read lazily; reading it must not fail either.
  return [verified.idempotencyKey, verified.kind, verified.eventId, verified.tenant];
}

describe('hostile rows', () => {
  test('the table is present', () => assert.ok(ROWS.length > 0, `no rows in ${hostileDir}`));

  for (const row of ROWS) {
    test(row.name, () => {
      if (row.expect.ok) {
        const [key] = runRow(row);
        assert.equal(typeof key, 'string');
      } else {
        throwsCode(() => runRow(row), row.expect.error);
      }
    });
  }

  // The diagnosis reads every header, not only the scheme's: it gives verify's verdict
  // for the same input, and never throws.
  for (const row of ROWS) {
    test(`explain: ${row.name}`, () => {
      let verifier;
      try {
        verifier = new Verifier(row.scheme, { secrets: row.secrets.map(expand), ...jsOptions(row.options) });
      } catch (e) {
        assert.ok(e instanceof HooksealError);
        return;
      }
      const why = verifier.explain(expand(row.body), headersOf(row), { now: row.now });
      assert.equal(why.ok, row.expect.ok === true, why.message);
      assert.equal(why.code, row.expect.error ?? null, why.message);
      assert.ok(Array.isArray(why.findings));
    });
  }
});

// Wrong types, argument by argument. `TypeError` names the mistake; where the API reads
// a header shape leniently (a number is its decimal text, anything else is absent), the
// answer is the HooksealError that input earns.
const BODY = '{"event_kind":"badge.awarded","delivery_id":"d_1"}';
const SECRET = 'whsec_hostile';
const lab = new Verifier('saleslab', { secrets: [SECRET] });
const signed = sign('saleslab', SECRET, BODY);
const SIG = signed['x-saleslab-signature'];
const WRONG = { number: 42, null: null, undefined, object: { a: 1 }, array: [], boolean: true, bigint: 1n, symbol: Symbol('s') };
const kinds = (...names) => Object.entries(WRONG).filter(([k]) => names.length === 0 || names.includes(k));

/** Throws exactly TypeError (not a HooksealError, not a crash of the engine). */
function throwsType(fn) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof TypeError, `expected TypeError, got ${e?.name}: ${e?.message}`);
    return true;
  });
}

describe('wrong types are TypeErrors', () => {
  const slots = {
    scheme: (x) => new Verifier(x, { secrets: [SECRET] }),
    'options object': (x) => new Verifier('saleslab', x),
    secrets: (x) => new Verifier('saleslab', { secrets: x }),
    'one secret of the list': (x) => new Verifier('saleslab', { secrets: [SECRET, x] }),
    body: (x) => lab.verify(x, signed),
    'the headers': (x) => lab.verify(BODY, x),
    sign_scheme: (x) => sign(x, SECRET, BODY),
    sign_secret: (x) => sign('saleslab', x, BODY),
    sign_body: (x) => sign('saleslab', SECRET, x),
    detect: (x) => detect(x),
  };
  for (const [slot, call] of Object.entries(slots)) {
    // An array or a plain object is a valid (empty) header list, an empty array a valid
    // (rejected by the core) secrets list, and a plain object a `{secret, notAfter}`
    // entry: those are typed errors, tested elsewhere (secrets.test.js).
    const skip = {
      'the headers': ['array', 'object'],
      detect: ['array', 'object'],
      secrets: ['array', 'object'],
      'one secret of the list': ['object'],
      'options object': ['array'],
    }[slot] ?? [];
    for (const [kind, value] of kinds().filter(([k]) => !skip.includes(k))) {
      test(`${slot}: ${kind}`, () => throwsType(() => call(value)));
    }
  }

  const stringOptions = {
    header: ['salescaling', { header: 'x-token' }],
    prefix: ['custom', { header: 'x-sig' }],
    encoding: ['custom', { header: 'x-sig' }],
    content: ['custom', { header: 'x-sig' }],
    timestampHeader: ['custom', { header: 'x-sig' }],
    idHeader: ['custom', { header: 'x-sig' }],
  };
  for (const [option, [scheme, base]] of Object.entries(stringOptions)) {
    for (const [kind, value] of kinds('number', 'null', 'object', 'boolean')) {
      test(`option ${option}: ${kind}`, () => throwsType(() => new Verifier(scheme, { ...base, secrets: ['s'], [option]: value })));
    }
  }
  for (const option of ['toleranceSeconds', 'maxBody']) {
    for (const [kind, value] of kinds('null', 'object', 'boolean').concat([['string', '300']])) {
      test(`option ${option}: ${kind}`, () => throwsType(() => new Verifier('salesbooth', { secrets: ['s'], [option]: value })));
    }
  }
  for (const [kind, value] of kinds('null', 'object', 'boolean').concat([['string', '1700000000'], ['NaN', NaN], ['Infinity', Infinity]])) {
    test(`now: ${kind}`, () => throwsType(() => lab.verify(BODY, signed, { now: value })));
    test(`sign timestamp: ${kind}`, () => throwsType(() => sign('salesbooth', SECRET, BODY, { timestamp: value })));
  }
  for (const [kind, value] of kinds('number', 'object', 'boolean')) {
    test(`sign id: ${kind}`, () => throwsType(() => sign('standard-webhooks', 'whsec_a2tra2tra2tra2tra2tra2tra2tra2tr', BODY, { id: value })));
  }
});

describe('wrong types inside the headers are read as absent (typed errors)', () => {
  const shapes = {
    'pairs': (name, value) => [[name, value]],
    'object': (name, value) => ({ [name]: value }),
    'Map': (name, value) => new Map([[name, value]]),
  };
  for (const [shape, make] of Object.entries(shapes)) {
    test(`${shape}: a number value is its decimal text`, () =>
      throwsCode(() => lab.verify(BODY, make('x-saleslab-signature', 42)), 'malformed_signature'));
    for (const [kind, value] of kinds('null', 'undefined', 'object', 'array', 'boolean', 'bigint', 'symbol')) {
      test(`${shape}: a value of type ${kind} is no value`, () =>
        throwsCode(() => lab.verify(BODY, make('x-saleslab-signature', value)), 'missing_signature'));
    }
  }
  for (const [kind, value] of kinds('number', 'null', 'object', 'boolean', 'symbol')) {
    test(`pairs: a name of type ${kind} is no header`, () => {
      throwsCode(() => lab.verify(BODY, [[value, SIG]]), 'missing_signature');
      assert.equal(detect([[value, SIG]]), null);
    });
  }
  test('pairs: malformed entries are skipped, later ones still read', () => {
    const v = lab.verify(BODY, [null, 42, ['x-saleslab-signature'], {}, ['x-saleslab-signature', SIG]]);
    assert.equal(v.kind, 'badge.awarded');
  });
  test('a value that throws when read is the caller\'s error, not a crash', () => {
    const headers = { get ['x-saleslab-signature']() { throw new RangeError('from the getter'); } };
    assert.throws(() => lab.verify(BODY, headers), RangeError);
  });
  test('errors are HooksealError instances with a status', () => {
    assert.throws(() => lab.verify(BODY, {}), (e) => e instanceof HooksealError && e.status === 400);
  });
});
