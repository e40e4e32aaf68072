// The native engine's private protocol (defined at the top of bindings/node/src/bound.rs,
// its JS half in binding.cjs): every field of verify's result and of the envelope, each
// present and absent (null), non-ASCII and astral text included, round-trips to the
// known answer, and to the wasm engine's where it is built. And the most header values a
// call takes is the core's MAX_HEADER_NAMES, in both engines.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { rawEngine, SCHEMES, wanted } from './helper.js';

const require = createRequire(import.meta.url);
const T0 = 1_700_000_000;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
/** A header value as Node hands it over: its UTF-8 bytes, each one character (latin-1). */
const onTheWire = (text) => Buffer.from(text, 'utf8').toString('latin1');

/** The wasm engine, when it is built (scripts/ci/wasm.sh); else the known answers alone. */
function wasmEngine() {
  try {
    return require('../wasm/engine.cjs');
  } catch {
    return null;
  }
}

// Each case: an engine verifier, a body, the values of headerNames() (signed by `sign`
// with the same secret where the scheme signs them), and the answers expected.
const CASES = [
  {
    name: 'saleslab: every field from the body, non-ASCII and astral, the second secret',
    scheme: 'saleslab',
    body: '{"event_kind":"deal.wön","delivery_id":"d_😀","company_id":"c_é9"}',
    verified: { timestamp: null, secretIndex: 1 },
    envelope: { kind: 'deal.wön', eventId: 'd_😀', eventIdSigned: true, tenant: 'c_é9', idempotencyKey: 'd_😀' },
  },
  {
    name: 'saleslab: kind and delivery from unsigned headers (UTF-8 on the wire), the key the body hash',
    scheme: 'saleslab',
    body: 'not json',
    extra: { 'x-saleslab-event': onTheWire('badge.ä😀'), 'x-saleslab-delivery-id': onTheWire('h_ü') },
    verified: { timestamp: null, secretIndex: 1 },
    envelope: { kind: 'badge.ä😀', eventId: 'h_ü', eventIdSigned: false, tenant: null, idempotencyKey: sha256('not json') },
  },
  {
    name: 'saleslab: every text field absent but the key; empty strings count as absent',
    scheme: 'saleslab',
    body: '{"event_kind":"","delivery_id":"","company_id":""}',
    verified: { timestamp: null, secretIndex: 1 },
    envelope: {
      kind: null,
      eventId: null,
      eventIdSigned: false,
      tenant: null,
      idempotencyKey: sha256('{"event_kind":"","delivery_id":"","company_id":""}'),
    },
  },
  {
    name: 'salesbooth: a signed timestamp, a tenant and an id',
    scheme: 'salesbooth',
    body: '{"event":"deal.créé","tenant_id":"t_𝄞","id":"evt_1"}',
    verified: { timestamp: T0, secretIndex: 1 },
    envelope: { kind: 'deal.créé', eventId: 'evt_1', eventIdSigned: true, tenant: 't_𝄞', idempotencyKey: 'evt_1' },
  },
  {
    name: 'standard-webhooks: MAX_HEADER_NAMES values in one call (signature, timestamp, id)',
    scheme: 'standard-webhooks',
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    other: 'whsec_a2tra2tra2tra2tra2tra2tra2tra2tr',
    id: 'msg_ñ1',
    body: '{"type":"invoice.paid"}',
    verified: { timestamp: T0, secretIndex: 1 },
    envelope: { kind: 'invoice.paid', eventId: 'msg_ñ1', eventIdSigned: true, tenant: null, idempotencyKey: 'msg_ñ1' },
  },
];

/** The engine's answers to `c`: its verifier's verify and envelope. */
function answers(engine, c) {
  const secret = c.secret ?? 'whsec_protocol';
  const body = Buffer.from(c.body);
  // The signed headers as a server would read them off the wire.
  const signed = Object.fromEntries(engine.sign(c.scheme, secret, body, T0, c.id, []).map(([n, v]) => [n, onTheWire(v)]));
  const headers = { ...signed, ...c.extra };
  const v = new engine.Verifier(c.scheme, [c.other ?? 'whsec_other', secret], []);
  const names = v.headerNames();
  const values = names.map((n) => headers[n] ?? null);
  return {
    verified: v.verify(body, values.slice(0, v.verifyHeaderCount()), T0),
    envelope: v.envelope(body, values),
  };
}

describe('the raw protocol round-trips every field', { skip: wanted !== 'native' && 'native engine only' }, () => {
  const native = require('../binding.cjs');
  const wasm = wasmEngine();
  for (const c of CASES) {
    test(c.name, () => {
      const got = answers(native, c);
      assert.deepEqual(got, { verified: c.verified, envelope: c.envelope });
      if (wasm) assert.deepEqual(got, answers(wasm, c), 'the wasm engine answers otherwise');
    });
  }

  test('the cases cover every field, present and absent', () => {
    for (const field of ['timestamp', 'kind', 'eventId', 'tenant']) {
      const values = CASES.map((c) => (field === 'timestamp' ? c.verified : c.envelope)[field]);
      assert.ok(values.includes(null) && values.some((v) => v !== null), field);
    }
    assert.deepEqual(new Set(CASES.map((c) => c.envelope.eventIdSigned)), new Set([true, false]));
  });
});

// Options that give each scheme its most header names (custom: a signed timestamp and id).
const MOST = { custom: ['header', 'x-sig', 'content', 'id.ts.body', 'timestamp_header', 'x-ts', 'id_header', 'x-id'] };

describe('MAX_HEADER_NAMES', () => {
  const max = rawEngine.maxHeaderNames();

  test('bounds the header names of every scheme of the table', () => {
    for (const s of SCHEMES) {
      const v = new rawEngine.Verifier(s.id, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], MOST[s.id] ?? []);
      assert.ok(v.headerNames().length <= max, `${s.id} reads ${v.headerNames().length} headers`);
    }
  });

  test('the native addon and the wasm engine export the same value', { skip: wanted !== 'native' && 'native engine only' }, () => {
    assert.equal(require('../binding.cjs').maxHeaderNames(), max);
    const wasm = wasmEngine();
    if (wasm) assert.equal(wasm.maxHeaderNames(), max);
  });
});
