// verified.event() and its validation, for every kind of every provider with schemas
// (core/events/): a sample of each kind is signed, verified and read back; then broken at
// every field its schema types, and with every required field removed.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventKinds, PROVIDERS, validateEvent } from 'hookseal/events';
import { hookseal } from './helper.js';
import { CORE_SAMPLES, SCHEMAS, samples, typedLeaves } from './events-samples.js';

const { Verifier, sign, HooksealError } = hookseal;
const SECRET = 'whsec_events';
const verifiers = Object.fromEntries(PROVIDERS.map((p) => [p, new Verifier(p, { secrets: [SECRET] })]));

/** The Verified of `payload` sent by `provider` (any JSON value, or raw text). */
function delivered(provider, payload) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return verifiers[provider].verify(body, sign(provider, SECRET, body));
}

function throwsInvalid(fn, path) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof HooksealError, `expected HooksealError, got ${e}`);
    assert.equal(e.code, 'invalid_payload', e.message);
    assert.equal(e.path, path, e.message);
    assert.ok(e.message.includes(path), e.message);
    return true;
  });
}

const get = (obj, path) => path.reduce((o, k) => o[k], obj);
function withValue(payload, path, value) {
  const copy = structuredClone(payload);
  get(copy, path.slice(0, -1))[path.at(-1)] = value;
  return copy;
}
const jsonPath = (path) => '$' + path.map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');

/** A value of another JSON type than `schema` allows, which no payload would echo. */
function wrongFor(schema) {
  const types = [].concat(schema.type ?? 'string');
  return types.includes('string') || 'const' in schema || schema.enum ? 4242.125 : 'wrong-value-4242';
}

test('every provider with schemas is here, with its kinds in the schema order', () => {
  assert.deepEqual([...PROVIDERS], Object.keys(SCHEMAS));
  for (const [provider, schema] of Object.entries(SCHEMAS)) {
    assert.deepEqual(eventKinds(provider), schema['x-events'].map((e) => e.kind));
  }
  assert.deepEqual(eventKinds('stripe'), []);
});

for (const provider of Object.keys(SCHEMAS)) {
  const mine = samples().filter((s) => s.provider === provider);
  const { $defs: defs } = SCHEMAS[provider];

  describe(`${provider}: event() for its ${mine.length} kinds`, () => {
    test('a sample of every kind: event() is {kind, payload}, the payload as JSON.parse gives it, and validates', () => {
      for (const { kind, payload } of mine) {
        const verified = delivered(provider, payload);
        const event = verified.event();
        assert.deepEqual(Object.keys(event), ['kind', 'payload']);
        assert.equal(event.kind, kind);
        assert.equal(event.kind, verified.kind);
        assert.deepEqual(event.payload, payload);
        assert.equal(event.payload, verified.json(), 'parsed once: event() and json() share the value');
        assert.equal(verified.event({ validate: true }), event);
      }
    });

    test("the core's sample of every kind round-trips sign -> verify -> event() with the same value, and validates", () => {
      const core = CORE_SAMPLES[provider];
      assert.deepEqual(Object.keys(core), eventKinds(provider), 'a sample for every kind, in the schema order');
      for (const [kind, payload] of Object.entries(core)) {
        const event = delivered(provider, payload).event({ validate: true });
        assert.deepEqual(event, { kind, payload });
      }
    });

    test('every field the schema types, given another type or value: invalid_payload naming its path', () => {
      let broken = 0;
      for (const { kind, type, payload } of mine) {
        for (const { path, schema } of typedLeaves(defs[type], defs)) {
          // The kind's own field: another value is another kind (or none), not a bad payload.
          if (path.length === 1 && schema.const === kind) continue;
          const wrong = wrongFor(schema);
          const verified = delivered(provider, withValue(payload, path, wrong));
          throwsInvalid(() => verified.event({ validate: true }), jsonPath(path));
          try {
            verified.event({ validate: true });
          } catch (e) {
            assert.ok(!e.message.includes(String(wrong)), `the message echoes the value: ${e.message}`);
          }
          broken++;
        }
      }
      assert.ok(broken > 0);
    });

    test('every required field removed: invalid_payload naming it', () => {
      for (const { kind, type, payload } of mine) {
        for (const name of defs[type].required ?? []) {
          const kindField = defs[type].properties?.[name]?.const === kind;
          if (kindField) continue;
          const copy = structuredClone(payload);
          delete copy[name];
          throwsInvalid(() => delivered(provider, copy).event({ validate: true }), jsonPath([name]));
        }
      }
    });

    test('extra fields, at the top and inside, never fail', () => {
      for (const { payload } of mine) {
        const extra = { ...structuredClone(payload), added_later: { x: [1, 2] } };
        for (const v of Object.values(extra)) if (v && typeof v === 'object' && !Array.isArray(v)) v.also_new = true;
        const event = delivered(provider, extra).event({ validate: true });
        assert.equal(event.payload.added_later.x[1], 2);
      }
    });
  });
}

describe('the generic form', () => {
  test('a kind the schema does not list: {kind, payload}, never an error, validate or not', () => {
    const payload = { id: 'evt_new', type: 'deal.reopened', created_at: 'whenever', data: { value: 'not a number' } };
    const verified = delivered('salesos', payload);
    assert.deepEqual(verified.event({ validate: true }), { kind: 'deal.reopened', payload });
  });

  test('no kind at all: kind null', () => {
    const event = delivered('salesos', { id: 'evt_x', data: {} }).event({ validate: true });
    assert.equal(event.kind, null);
    assert.deepEqual(event.payload, { id: 'evt_x', data: {} });
  });

  test('a body that is JSON but not an object is the payload as it is; validated, it is where $ is wrong', () => {
    const verified = delivered('salesbooth', '[1,2]');
    assert.deepEqual(verified.event().payload, [1, 2]);
    assert.equal(verified.event({ validate: true }).kind, null);
  });

  test('a scheme without schemas: the generic form, and validate has nothing to check', () => {
    const github = new Verifier('github', { secrets: [SECRET] });
    const body = '{"action":"opened","number":7}';
    const headers = { ...sign('github', SECRET, body), 'x-github-event': 'pull_request', 'x-github-delivery': 'd1' };
    const event = github.verify(body, headers).event({ validate: true });
    assert.equal(event.kind, 'pull_request');
    assert.deepEqual(event.payload, { action: 'opened', number: 7 });
  });
});

describe('bad bodies', () => {
  test('a body that is not JSON is invalid_payload at $, and says nothing of its bytes', () => {
    const verified = delivered('salesos', '{"type":"deal.won", secret-looking-text');
    throwsInvalid(() => verified.event(), '$');
    assert.throws(() => verified.event(), (e) => !e.message.includes('secret-looking-text'));
    assert.throws(() => verified.json(), SyntaxError, 'json() keeps its documented SyntaxError');
  });

  test('a nested type error names the whole path, array indices included', () => {
    const saleslab = samples().find((s) => s.provider === 'saleslab' && s.kind === 'coaching.brief_delivered');
    const payload = withValue(saleslab.payload, ['coach'], ['fine', 12]);
    const verified = delivered('saleslab', payload);
    throwsInvalid(() => verified.event({ validate: true }), '$.coach[1]');
  });

  test('the error is 400 and answers as {error, message}', () => {
    const verified = delivered('salesos', { id: 'e', type: 'deal.won', created_at: 't', data: { value: '12' } });
    try {
      verified.event({ validate: true });
      assert.fail('no error');
    } catch (e) {
      assert.equal(e.status, 400);
      assert.deepEqual(Object.keys(e.toJSON()), ['error', 'message']);
      assert.equal(e.toJSON().error, 'invalid_payload');
    }
  });
});

test('validateEvent(provider, event) is the same check, for an event made elsewhere', () => {
  const event = { kind: 'deal.won', payload: { id: 'e', type: 'deal.won', created_at: 't', data: { value: 1 } } };
  assert.equal(validateEvent('salesos', event), event);
  throwsInvalid(() => validateEvent('salesos', { kind: 'deal.won', payload: { ...event.payload, data: { value: [] } } }), '$.data.value');
});

test('the SalesOS document\'s deal.won example validates and reads as typed', () => {
  const example = {
    id: 'evt_abc123def456',
    type: 'deal.won',
    created_at: '2026-03-15T14:30:00Z',
    data: {
      id: '880e8400-e29b-41d4-a716-446655440000',
      name: 'Tech Corp - Enterprise License',
      value: 82000,
      stage: 'Closed Won',
      owner_id: '660e8400-e29b-41d4-a716-446655440001',
      previous_stage: 'Negotiation',
    },
  };
  const event = delivered('salesos', example).event({ validate: true });
  assert.equal(event.kind, 'deal.won');
  assert.equal(event.payload.data.value, 82000);
});
