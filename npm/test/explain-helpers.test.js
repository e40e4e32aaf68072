// The diagnosis on a helper's rejection (docs/explain.md): only with `explain: true` or
// HOOKSEAL_EXPLAIN=1, as the body's `explanation` and the error's `err.explanation`;
// off by default.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { webhook } from 'hookseal/express';
import { verifyRequest, withWebhook } from 'hookseal/fetch';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const BODY = JSON.stringify({ event: 'deal.created', id: 'evt_x', data: { a: 1 } });
// The same JSON, re-serialized on the way (what a parser and JSON.stringify do).
const RESERIALIZED = JSON.stringify(JSON.parse(BODY), null, 2);

describe('explain in the helpers', () => {
  let server;
  let base;
  before(async () => {
    const app = express();
    const ok = (req, res) => res.sendStatus(204);
    app.post('/default', webhook(verifier), ok);
    app.post('/explain', webhook(verifier, { explain: true }), ok);
    app.post('/off', webhook(verifier, { explain: false }), ok);
    process.env.HOOKSEAL_EXPLAIN = '1';
    try {
      app.post('/env', webhook(verifier), ok);
      app.post('/env-off', webhook(verifier, { explain: false }), ok);
    } finally {
      delete process.env.HOOKSEAL_EXPLAIN;
    }
    await new Promise((resolve) => {
      server = app.listen(0, '127.0.0.1', resolve);
    });
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const post = async (path) => {
    const res = await fetch(base + path, { method: 'POST', body: RESERIALIZED, headers: sign('salesbooth', SALESBOOTH_SECRET, BODY) });
    return { status: res.status, json: await res.json() };
  };

  test('off by default: the body is {error, message} only', async () => {
    const r = await post('/default');
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.json).sort(), ['error', 'message']);
    assert.deepEqual(Object.keys((await post('/off')).json).sort(), ['error', 'message']);
  });

  test('explain: true adds the explanation', async () => {
    const r = await post('/explain');
    assert.equal(r.status, 401);
    assert.equal(r.json.error, 'signature_mismatch');
    assert.equal(r.json.explanation.ok, false);
    assert.equal(r.json.explanation.code, 'signature_mismatch');
    assert.ok(Array.isArray(r.json.explanation.findings));
    for (const f of r.json.explanation.findings) {
      assert.equal(typeof f.code, 'string');
      assert.equal(typeof f.message, 'string');
    }
    assert.ok(!JSON.stringify(r.json).includes(SALESBOOTH_SECRET), 'no secret in the explanation');
  });

  test('HOOKSEAL_EXPLAIN=1 when the helper is built turns it on; explain: false wins', async () => {
    assert.equal((await post('/env')).json.explanation.code, 'signature_mismatch');
    assert.equal((await post('/env-off')).json.explanation, undefined);
  });

  test('the error carries err.explanation (verifyRequest), and the Fetch wrapper answers it', async () => {
    const request = () => new Request('http://x/', { method: 'POST', body: RESERIALIZED, headers: sign('salesbooth', SALESBOOTH_SECRET, BODY) });
    await assert.rejects(verifyRequest(request(), verifier, { explain: true }), (e) => {
      assert.equal(e.code, 'signature_mismatch');
      assert.equal(e.explanation.code, 'signature_mismatch');
      return true;
    });
    await assert.rejects(verifyRequest(request(), verifier), (e) => e.explanation === undefined);
    const res = await withWebhook(verifier, () => new Response(null), { explain: true })(request());
    assert.equal((await res.json()).explanation.code, 'signature_mismatch');
  });
});
