// docs/stores.md, "Node, Express: several receivers sharing Redis", served and sent a
// delivery twice: the second is acknowledged as a duplicate without the handler.
// Runs under scripts/ci/stores.sh --with-servers (REDIS_URL from its test server).
import assert from 'node:assert/strict';
import { deliver } from './check.mjs';

process.env.SALESOS_SECRET ??= 'whsec_stores_demo';
process.env.REDIS_URL ??= process.env.HOOKSEAL_TEST_REDIS_URL;
const listen = express.application.listen;
let server;
express.application.listen = function (...args) {
  server = listen.call(this, 0, '127.0.0.1');
  return server;
};

// --- docs/stores.md
// Node, Express: several receivers sharing Redis
import express from 'express';
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/express';
import { RedisStore } from 'hookseal/stores';

const verifier = new Verifier('salesos', { secrets: [process.env.SALESOS_SECRET] });
const store = new RedisStore({ url: process.env.REDIS_URL });
express()
  .post('/hooks/salesos', webhook(verifier, { store }), (req, res) => {
    // runs once per event: a retry or a replay is answered 200 {"duplicate": true}
    res.sendStatus(204);
  })
  .listen(3000);
// --- end

await new Promise((resolve) => server.once('listening', resolve));
try {
  const url = `http://127.0.0.1:${server.address().port}/hooks/salesos`;
  const body = `{"id":"evt_${process.pid}_${Date.now()}","type":"deal.won","created_at":"2026-01-01T00:00:00Z","data":{}}`;
  assert.equal(await deliver(url, 'salesos', process.env.SALESOS_SECRET, body), 204);
  assert.equal(await deliver(url, 'salesos', process.env.SALESOS_SECRET, body), 200);
  console.log('docs/stores.md Node snippet: ok');
} finally {
  server.close();
  await store.close?.();
}
