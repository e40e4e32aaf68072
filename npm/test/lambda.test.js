// hookseal/lambda: AWS's documented HTTP events (test/lambda-events/) through the
// wrapper, as the Lambda runtime calls it: every integration's event shape, raw bytes
// restored from base64 (non-UTF-8 included), the answer in the integration's response
// shape, the store (the declarations with @types/aws-lambda: types-frameworks.test.js).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { verifyEvent, withWebhook } from 'hookseal/lambda';
import { MemoryStore } from 'hookseal/stores';
import { hookseal, here, SALESBOOTH_SECRET, T0, throwsCode } from './helper.js';

const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const now = () => T0;
const fixture = (name) => JSON.parse(readFileSync(join(here, 'lambda-events', `${name}.json`), 'utf8'));
const SHAPES = ['apigateway-rest-v1', 'apigateway-http-v2', 'function-url', 'alb', 'alb-multi-value'];

const TEXT = '{"event":"deal.created","id":"evt_42","tenant_id":"tenant_abc123","data":{}}';
// Latin-1 bytes (0xE9, 0xFF): not UTF-8, so only the base64 in the event carries them.
const BINARY = Buffer.concat([Buffer.from('{"event":"deal.won","id":"evt_7","note":"caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}')]);

/** AWS's example event of `shape`, carrying `body` (base64 when binary) and `headers`. */
function eventOf(shape, body, headers, { base64 = typeof body !== 'string' } = {}) {
  const event = fixture(shape);
  event.body = base64 ? Buffer.from(body).toString('base64') : body;
  event.isBase64Encoded = base64;
  for (const [name, value] of Object.entries(headers)) {
    if (event.multiValueHeaders) event.multiValueHeaders[name] = [value];
    if (event.headers) event.headers[name] = value;
  }
  return event;
}

const signed = (body) => sign('salesbooth', SALESBOOTH_SECRET, body, { timestamp: T0 });
const echo = withWebhook(verifier, (v) => ({ statusCode: 200, body: JSON.stringify({ kind: v.kind, id: v.eventId }) }), { now });

for (const shape of SHAPES) {
  describe(`lambda: ${shape}`, () => {
    test('a genuine text body reaches the handler', async () => {
      const r = await echo(eventOf(shape, TEXT, signed(TEXT)), {});
      assert.deepEqual([r.statusCode, JSON.parse(r.body)], [200, { kind: 'deal.created', id: 'evt_42' }]);
    });

    test('a base64 body with non-UTF-8 bytes verifies on its exact bytes', async () => {
      const event = eventOf(shape, BINARY, signed(BINARY));
      const v = verifyEvent(event, verifier, { now: T0 });
      assert.deepEqual(Buffer.from(v.body), BINARY);
      assert.equal(v.eventId, 'evt_7');
      // The same bytes read as text (what a wrapper that ignored isBase64Encoded would see) do not.
      throwsCode(() => verifyEvent({ ...event, isBase64Encoded: false }, verifier, { now: T0 }), 'signature_mismatch');
    });

    test('a tampered body is 401 in the response shape of the integration', async () => {
      const r = await echo(eventOf(shape, TEXT.replace('42', '43'), signed(TEXT)), {});
      assert.equal(r.statusCode, 401);
      assert.equal(JSON.parse(r.body).error, 'signature_mismatch');
      assert.equal(r.isBase64Encoded, false);
      const contentType = r.headers?.['content-type'] ?? r.multiValueHeaders?.['content-type'];
      assert.deepEqual([contentType].flat(), ['application/json; charset=utf-8']);
      if (shape.startsWith('alb')) assert.equal(r.statusDescription, '401 Unauthorized');
      else assert.equal(r.statusDescription, undefined);
      // An ALB target group with multi-value headers on takes only multiValueHeaders back.
      assert.equal(r.headers === undefined, shape === 'alb-multi-value');
    });

    test('a missing signature is 400 missing_signature', async () => {
      const r = await echo(eventOf(shape, TEXT, { 'x-salesbooth-timestamp': String(T0) }), {});
      assert.deepEqual([r.statusCode, JSON.parse(r.body).error], [400, 'missing_signature']);
    });

    test('max_body + 1 bytes (base64) is 413 before decoding; max_body is accepted', async () => {
      const small = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET], maxBody: 64 });
      const handle = withWebhook(small, () => ({ statusCode: 204, body: '' }), { now });
      const over = Buffer.alloc(65, 0xff);
      const r = await handle(eventOf(shape, over, signed(over)), {});
      assert.deepEqual([r.statusCode, JSON.parse(r.body).error], [413, 'payload_too_large']);
      const full = Buffer.alloc(64, 0xff);
      assert.equal((await handle(eventOf(shape, full, signed(full)), {})).statusCode, 204);
    });

    test('with a store: a repeat is 200 {"duplicate": true}, a failed attempt is retried', async () => {
      const store = new MemoryStore();
      const statuses = [500, 200];
      let runs = 0;
      const handle = withWebhook(verifier, () => ({ statusCode: statuses[runs++] ?? 200, body: 'ok' }), { now, store });
      const event = eventOf(shape, BINARY, signed(BINARY));
      assert.equal((await handle(event, {})).statusCode, 500);
      assert.equal((await handle(event, {})).statusCode, 200);
      const dup = await handle(event, {});
      assert.deepEqual([dup.statusCode, JSON.parse(dup.body)], [200, { duplicate: true }]);
      assert.equal(runs, 2);
      if (shape.startsWith('alb')) assert.equal(dup.statusDescription, '200 OK');
    });
  });
}

describe('lambda: header shapes', () => {
  test('payload 1.0: multiValueHeaders is read (headers keeps only the last repeat)', () => {
    const event = eventOf('apigateway-rest-v1', TEXT, signed(TEXT));
    const other = sign('salesbooth', 'whsec_other', TEXT, { timestamp: T0 })['x-salesbooth-signature'];
    event.multiValueHeaders['X-Salesbooth-Signature'] = [other];
    // Two signature headers, as in every runtime: malformed, never the last one alone.
    throwsCode(() => verifyEvent(event, verifier, { now: T0 }), 'malformed_signature');
  });

  test('payload 2.0: cookies come back as one Cookie header', () => {
    const cookie = new Verifier('custom', { secrets: ['s'], header: 'cookie', encoding: 'hex', content: 'body' });
    const value = sign('custom', 's', TEXT, { header: 'cookie', encoding: 'hex', content: 'body' }).cookie;
    const event = eventOf('apigateway-http-v2', TEXT, {});
    event.cookies = [value];
    assert.equal(verifyEvent(event, cookie).text(), TEXT);
  });

  test('payload 2.0: a result without statusCode is AWS\'s 200, and completes the claim', async () => {
    const store = new MemoryStore();
    const handle = withWebhook(verifier, () => ({ received: true }), { now, store });
    const event = eventOf('apigateway-http-v2', TEXT, signed(TEXT));
    assert.deepEqual(await handle(event, {}), { received: true });
    assert.equal((await handle(event, {})).body, '{"duplicate":true}');
  });

  test('a handler that throws releases the claim and the error reaches Lambda', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const handle = withWebhook(verifier, () => {
      runs++;
      throw new Error('boom');
    }, { now, store });
    const event = eventOf('apigateway-rest-v1', TEXT, signed(TEXT));
    await assert.rejects(handle(event, {}), /boom/);
    await assert.rejects(handle(event, {}), /boom/);
    assert.equal(runs, 2);
  });

  test('not an HTTP event, or no verifier: TypeError', () => {
    assert.throws(() => verifyEvent({ Records: [] }, verifier), TypeError);
    assert.throws(() => withWebhook({}, () => {}), TypeError);
    assert.throws(() => verifyEvent({ ...fixture('alb'), body: { parsed: true } }, verifier), TypeError);
  });
});

