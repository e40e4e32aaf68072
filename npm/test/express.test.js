// hookseal/express against a real Express server on 127.0.0.1, with real HTTP requests.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { webhook } from 'hookseal/express';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, sign } = hookseal;
const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
const BODY = '{"event":"deal.created","id":"evt_42","tenant_id":"tenant_abc123","data":{}}';

let server;
let base;

before(async () => {
  const app = express();
  const handler = (req, res) => res.json({ kind: req.webhook.kind, eventId: req.webhook.eventId, tenant: req.webhook.tenant });
  app.post('/raw', express.raw({ type: '*/*', limit: '4mb' }), webhook(verifier), handler);
  app.post('/json', express.json(), webhook(verifier), handler);
  app.post('/unparsed', webhook(verifier), handler);
  // An app-wide JSON parser that keeps the raw bytes the common way.
  const keep = (req, res, buf) => {
    req.rawBody = buf;
  };
  app.post('/kept', express.json({ verify: keep }), webhook(verifier), (req, res) => res.json({ parsed: req.body.id, kind: req.webhook.kind }));
  await new Promise((resolve) => {
    server = app.listen(0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

const now = () => Math.floor(Date.now() / 1000);

async function post(path, body, headers) {
  const res = await fetch(base + path, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, json: await res.json() };
}

describe('express middleware', () => {
  test('a genuine delivery reaches the handler as req.webhook', async () => {
    const r = await post('/raw', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { kind: 'deal.created', eventId: 'evt_42', tenant: 'tenant_abc123' });
  });

  test('a tampered body is 401 signature_mismatch', async () => {
    const r = await post('/raw', BODY.replace('42', '43'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 401);
    assert.equal(r.json.error, 'signature_mismatch');
    assert.equal(typeof r.json.message, 'string');
  });

  test('a stale delivery is 400 timestamp_too_old', async () => {
    const r = await post('/raw', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY, { timestamp: now() - 301 - 5 }));
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'timestamp_too_old');
  });

  test('a missing signature header is 400 missing_signature', async () => {
    const r = await post('/raw', BODY, { 'x-salesbooth-timestamp': String(now()) });
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'missing_signature');
  });

  test('a body parsed by express.json() is body_already_parsed, saying how to fix it', async () => {
    const r = await post('/json', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 500);
    assert.equal(r.json.error, 'body_already_parsed');
    assert.match(r.json.message, /express\.raw\(/);
    assert.match(r.json.message, /req\.rawBody = buf/);
  });

  test('an app-wide express.json() that kept req.rawBody: the kept bytes are verified', async () => {
    const r = await post('/kept', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { parsed: 'evt_42', kind: 'deal.created' });
    const tampered = await post('/kept', BODY.replace('42', '43'), sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(tampered.json.error, 'signature_mismatch');
  });

  test('1 MiB + 1 byte is 413 payload_too_large', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const r = await post('/raw', big, sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.equal(r.status, 413);
    assert.equal(r.json.error, 'payload_too_large');
  });

  test('exactly 1 MiB is accepted', async () => {
    const body = JSON.stringify({ event: 'deal.created', pad: '' });
    const full = body.replace('"pad":""', `"pad":"${'y'.repeat(1024 * 1024 - body.length)}"`);
    assert.equal(full.length, 1024 * 1024);
    const r = await post('/raw', full, sign('salesbooth', SALESBOOTH_SECRET, full));
    assert.equal(r.status, 200);
  });

  test('without a body parser the middleware reads the raw bytes itself', async () => {
    const r = await post('/unparsed', BODY, sign('salesbooth', SALESBOOTH_SECRET, BODY));
    assert.equal(r.status, 200);
    assert.equal(r.json.eventId, 'evt_42');
    const big = 'x'.repeat(1024 * 1024 + 1);
    const tooBig = await post('/unparsed', big, sign('salesbooth', SALESBOOTH_SECRET, big));
    assert.equal(tooBig.status, 413);
  });

  test('webhook() without a verifier is a TypeError', () => {
    assert.throws(() => webhook({}), TypeError);
  });
});
