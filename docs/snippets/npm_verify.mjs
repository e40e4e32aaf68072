// npm/README.md, "Verify": the snippet's handler behind an Express route that gives it the
// raw body, served and sent a genuine, a tampered and an unsigned delivery.
import assert from 'node:assert/strict';
import express from 'express';
import { checkReceiver } from './check.mjs';

process.env.SALESBOOTH_SECRET ??= 'whsec_npm_readme';

// --- npm/README.md
import { Verifier, HooksealError } from 'hookseal';       // or: const { Verifier } = require('hookseal')

// Once, at start-up. Several secrets during a rotation; `secretIndex` says which matched.
const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });

// In the handler: the RAW body (Buffer, Uint8Array, ArrayBuffer or string) and the headers
// (req.headers, a Fetch Headers, a Map, a plain object, or [name, value] pairs).
function receive(rawBody, req, res) {
  try {
    const event = verifier.verify(rawBody, req.headers);
    event.kind;            // 'deal.created'
    event.tenant;          // 'tenant_abc123'
    event.idempotencyKey;  // de-duplicate on this
    event.json();          // JSON.parse of the body, once
    res.sendStatus(204);
  } catch (e) {
    if (!(e instanceof HooksealError)) throw e;
    res.status(e.status).json({ error: e.code, message: e.message });   // 413, 400 or 401
  }
}
// --- end

// What the comments say the event holds, seen through the verifier the handler calls.
let seen;
const verify = verifier.verify.bind(verifier);
verifier.verify = (...args) => (seen = verify(...args));

const app = express();
app.post('/hooks/salesbooth', express.raw({ type: '*/*', limit: verifier.maxBody }), (req, res) => receive(req.body, req, res));
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
try {
  const url = `http://127.0.0.1:${server.address().port}/hooks/salesbooth`;
  const body = '{"event":"deal.created","tenant_id":"tenant_abc123","id":"evt_npm_1","data":{}}';
  await checkReceiver(url, 'salesbooth', process.env.SALESBOOTH_SECRET, body);
  assert.deepEqual([seen.kind, seen.tenant, seen.idempotencyKey], ['deal.created', 'tenant_abc123', 'evt_npm_1']);
  const unsigned = await fetch(url, { method: 'POST', body });
  assert.equal(unsigned.status, 400);
  assert.equal((await unsigned.json()).error, 'missing_signature');
  console.log('npm/README.md "Verify": ok');
} finally {
  server.close();
}
