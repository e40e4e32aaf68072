// hookseal/fetch with real Fetch API Request objects (as Next.js App Router and Hono pass them).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { verifyRequest, withWebhook, errorResponse } from 'hookseal/fetch';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, Verified, HooksealError, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const BODY = '{"event":"deal.created","id":"evt_7","tenant_id":"t_1","data":{"total":12}}';

function request(body, headers) {
  return new Request('https://example.test/hooks/salesbooth', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('fetch helper', () => {
  test('verifyRequest resolves to a Verified', async () => {
    const v = await verifyRequest(request(BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY)), verifier);
    assert.ok(v instanceof Verified);
    assert.equal(v.eventId, 'evt_7');
    assert.equal(v.json().data.total, 12);
  });

  test('verifyRequest rejects a tampered body with HooksealError', async () => {
    const req = request(BODY.replace('12', '13'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    await assert.rejects(verifyRequest(req, verifier), (e) => e instanceof HooksealError && e.code === 'signature_mismatch');
  });

  test('a body that was already read is body_already_parsed', async () => {
    const req = request(BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    await req.json();
    await assert.rejects(verifyRequest(req, verifier), (e) => e.code === 'body_already_parsed');
  });

  test('an announced oversize body is refused before reading', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const req = request(big, { ...sign('salesbooth', SALESBOOTH_SECRET, big), 'content-length': String(big.length) });
    await assert.rejects(verifyRequest(req, verifier), (e) => e.code === 'payload_too_large' && e.status === 413);
  });

  test('withWebhook runs the handler for genuine deliveries only', async () => {
    const route = withWebhook(verifier, (event, req) => Response.json({ kind: event.kind, url: req.url }));
    const ok = await route(request(BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY)));
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).kind, 'deal.created');

    const bad = await route(request(BODY, { 'x-salesbooth-timestamp': '1' }));
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(await bad.json()), ['error', 'message']);
  });

  test('errorResponse maps a code to its status and JSON body', async () => {
    const res = errorResponse(new HooksealError('payload_too_large', 'too big'));
    assert.equal(res.status, 413);
    assert.deepEqual(await res.json(), { error: 'payload_too_large', message: 'too big' });
  });

  test('wrong arguments are TypeErrors', async () => {
    await assert.rejects(verifyRequest({}, verifier), TypeError);
    await assert.rejects(verifyRequest(request(BODY, {}), null), TypeError);
  });
});
