// Every shared conformance vector in core/vectors/ (whatever files are there).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bodyOf, hookseal, jsOptions, loadVectors, vectorsDir } from './helper.js';

const { Verifier, HooksealError, sign } = hookseal;
// core/vectors/rotation/: secrets with a rotation window ({"secret", "not_after"}),
// run where the directory exists (an installed package's copy of the vectors may lack it).
const rotationDir = join(vectorsDir, 'rotation');
const rotation = existsSync(rotationDir)
  ? readdirSync(rotationDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => JSON.parse(readFileSync(join(rotationDir, f), 'utf8')).map((c) => ({ file: `rotation/${f}`, ...c })))
  : [];
const cases = [...loadVectors(), ...rotation];

test('the vector set is not empty', () => {
  assert.ok(cases.length > 0, 'no vectors found in core/vectors');
});

test('core/vectors/rotation is run when present', { skip: rotation.length === 0 && 'no core/vectors/rotation' }, () => {
  assert.ok(rotation.some((c) => c.secrets.some((s) => typeof s === 'object')));
});

function check(verified, expect) {
  const got = {
    secret_index: verified.secretIndex,
    timestamp: verified.timestamp,
    kind: verified.kind,
    event_id: verified.eventId,
    tenant: verified.tenant,
    idempotency_key: verified.idempotencyKey,
  };
  for (const key of Object.keys(got)) {
    if (key in expect) assert.equal(got[key], expect[key], key);
  }
}

/** The same headers as a plain object, when no name repeats (case-insensitively). */
function asObject(pairs) {
  const names = pairs.map(([n]) => n.toLowerCase());
  if (new Set(names).size !== names.length) return null;
  return Object.fromEntries(pairs);
}

/**
 * A vector's secret as the JS API takes it: a string, or a rotation window
 * `{"secret", "not_after"}` (unix seconds, or null) as `{secret, notAfter}`.
 */
const secretOf = (s) => (typeof s === 'string' ? s : { secret: s.secret, notAfter: s.not_after ?? null });

function runVerify(c) {
  let verifier;
  try {
    verifier = new Verifier(c.scheme, { secrets: c.secrets.map(secretOf), ...jsOptions(c.options) });
  } catch (e) {
    assert.ok(e instanceof HooksealError, `construction threw ${e}`);
    assert.equal(c.expect.error, e.code, `construction failed: ${e.message}`);
    return;
  }
  const body = bodyOf(c);
  for (const headers of [c.headers, asObject(c.headers)]) {
    if (headers === null) continue;
    // The diagnosis gives verify's verdict, whatever else it finds.
    const why = verifier.explain(body, headers, { now: c.now });
    assert.equal(why.ok, c.expect.ok === true, `explain: ${why.message}`);
    assert.equal(why.code, c.expect.error ?? null, `explain: ${why.message}`);
    let verified;
    try {
      verified = verifier.verify(body, headers, { now: c.now });
    } catch (e) {
      assert.ok(e instanceof HooksealError, `verify threw ${e}`);
      assert.equal(e.code, c.expect.error, e.message);
      continue;
    }
    assert.ok(c.expect.ok, `expected ${c.expect.error}, got a verified delivery`);
    check(verified, c.expect);
  }
}

function runSign(c) {
  const body = bodyOf(c);
  const options = { ...jsOptions(c.options) };
  if (c.timestamp !== null && c.timestamp !== undefined) options.timestamp = c.timestamp;
  if (c.id !== null && c.id !== undefined) options.id = c.id;
  const headers = sign(c.scheme, c.secret, body, options);
  assert.deepEqual(Object.entries(headers), c.expect.headers);
}

for (const c of cases) {
  test(`${c.file}: ${c.name}`, () => {
    if (c.op === 'sign') runSign(c);
    else if (c.op === 'verify' || c.op === undefined) runVerify(c);
    else assert.fail(`unknown op ${c.op}`);
  });
}
