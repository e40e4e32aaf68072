// Every shared vector through the raw wasm engine (npm/wasm/engine.cjs, the `nodejs`
// glue): the engine alone gives the core's answers, before any JS layer runs.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { cases, engineOptions, expand, expandText, hostileCases, rotationCases, valuesFor } from './vectors.js';

const engine = createRequire(import.meta.url)('../../../npm/wasm/engine.cjs');

/** The engine's answer to a verify case: `{error}` or the Verified fields, snake_case. */
function verify(c, body, pairs, list) {
  let verifier;
  try {
    const [secrets, notAfter] = secretsOf(list);
    verifier = new engine.Verifier(c.scheme, secrets, engineOptions(c.options), notAfter);
    const values = valuesFor(verifier.headerNames(), pairs);
    const r = verifier.verify(body, values, c.now);
    const env = verifier.envelope(body, values);
    return {
      ok: true,
      secret_index: r.secretIndex,
      timestamp: r.timestamp,
      kind: env.kind,
      event_id: env.eventId,
      tenant: env.tenant,
      idempotency_key: env.idempotencyKey,
    };
  } catch (e) {
    assert.ok(e instanceof Error, `threw a non-Error: ${e}`);
    assert.equal(typeof e.code, 'string', `an Error without a code: ${e.message}`);
    return { error: e.code };
  }
}

/**
 * A vector's secrets as the engine takes them: the secrets, and each one's `not_after`
 * (a rotation window `{"secret", "not_after"}`) in a Float64Array, NaN for none, or
 * undefined when no secret has one (npm/src/engine.d.ts).
 */
function secretsOf(list) {
  const secrets = list.map((s) => (typeof s === 'string' || s instanceof Uint8Array ? s : s.secret));
  if (list.every((s) => typeof s === 'string' || s instanceof Uint8Array)) return [secrets, undefined];
  return [secrets, Float64Array.from(list, (s) => s.not_after ?? NaN)];
}

const picked = (got, expect) => Object.fromEntries(Object.keys(expect).map((k) => [k, got[k]]));

for (const c of [...cases(), ...rotationCases().map((r) => ({ ...r, file: `rotation/${r.file}` }))]) {
  test(`${c.file}: ${c.name}`, () => {
    // A vector's body: `body_b64`, or the compact `body` VALUE (core/vectors/README.md).
    const body = c.body ? expand(c.body) : Buffer.from(c.body_b64, 'base64');
    if (c.op === 'sign') {
      const headers = engine.sign(c.scheme, c.secret, body, c.timestamp ?? undefined, c.id ?? undefined, engineOptions(c.options));
      assert.deepEqual(headers, c.expect.headers);
      return;
    }
    const got = verify(c, body, c.headers, c.secrets);
    assert.deepEqual(picked(got, c.expect), c.expect);
  });
}

for (const c of hostileCases()) {
  test(`hostile: ${c.name}`, () => {
    const filler = Array.from({ length: c.filler_headers ?? 0 }, (_, i) => [`x-filler-${i}`, 'v']);
    const pairs = [...filler, ...c.headers.map(([n, v]) => [n, expandText(v)])];
    // A secret given as bytes (a token that is not UTF-8) crosses as a Uint8Array.
    const secrets = c.secrets.map((s) => (typeof s === 'string' ? s : new Uint8Array(expand(s))));
    const got = verify(c, expand(c.body), pairs, secrets);
    assert.deepEqual(picked(got, c.expect), c.expect);
  });
}

test('detect finds the scheme among all headers, names in any case', () => {
  assert.equal(engine.detect([['Content-Type', 'application/json'], ['X-Salesbooth-Signature', 'v1=00']]), 'salesbooth');
  assert.equal(engine.detect([['content-type', 'application/json']]), null);
  assert.equal(engine.detect([['stripe-signature', '  ']]), null);
});

test('errors carry the snake_case code and a message without the secret', () => {
  const secret = 'whsec_do_not_print_me';
  const v = new engine.Verifier('saleslab', [secret], []);
  assert.throws(() => v.verify(new Uint8Array([123, 125]), ['sha256=' + '0'.repeat(64)], 0), (e) => {
    assert.equal(e.code, 'signature_mismatch');
    assert.ok(!e.message.includes(secret) && !e.message.startsWith('signature_mismatch'));
    return true;
  });
  assert.throws(() => new engine.Verifier('nope', ['s'], []), { code: 'unknown_scheme' });
  assert.throws(() => new engine.Verifier('saleslab', [], []), { code: 'invalid_secret' });
  assert.throws(() => new engine.Verifier('salesbooth', ['s'], ['tolerance', '1.5']), { code: 'invalid_option' });
  assert.throws(() => new engine.Verifier('salesbooth', ['s'], ['tolerence', '5']), { code: 'invalid_option' });
  assert.throws(() => new engine.Verifier('salesbooth', ['s'], ['tolerance']), { code: 'invalid_option' });
});

test('without now, verify reads the JavaScript clock', () => {
  const body = new TextEncoder().encode('{}');
  const now = Math.floor(Date.now() / 1000);
  const headers = Object.fromEntries(engine.sign('salesbooth', 'whsec_test', body, now, undefined, []));
  const v = new engine.Verifier('salesbooth', ['whsec_test'], []);
  const r = v.verify(body, valuesFor(v.headerNames(), Object.entries(headers)));
  assert.equal(r.timestamp, now);
  const stale = Object.fromEntries(engine.sign('salesbooth', 'whsec_test', body, now - 3600, undefined, []));
  assert.throws(() => v.verify(body, valuesFor(v.headerNames(), Object.entries(stale))), { code: 'timestamp_too_old' });
});
