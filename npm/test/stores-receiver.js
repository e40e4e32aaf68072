// A webhook receiver process for the store concurrency test: a real HTTP server on
// 127.0.0.1 that verifies Salesbooth deliveries, claims each one's idempotency key in
// the store named by STORE (memory | sqlite | redis | postgres, at STORE_URL) and runs
// the handler only for the first. The handler appends a line to RUNS_FILE, so the test
// counts runs across processes. Prints the port on its first line of output.

import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Verifier } from 'hookseal';
import { MemoryStore, PostgresStore, RedisStore, SqliteStore } from '../src/stores/index.js';

const { STORE, STORE_URL, RUNS_FILE } = process.env;
const store = {
  memory: () => new MemoryStore(),
  sqlite: () => new SqliteStore({ path: STORE_URL }),
  redis: () => new RedisStore({ url: STORE_URL }),
  postgres: () => new PostgresStore({ connectionString: STORE_URL }),
}[STORE]();
const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });

async function handler(event) {
  await new Promise((resolve) => setTimeout(resolve, 20)); // real work takes a while
  appendFileSync(RUNS_FILE, `${process.pid} ${event.idempotencyKey}\n`);
}

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const reply = (status, json) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  };
  try {
    const event = verifier.verify(Buffer.concat(chunks), req.headers);
    const key = `${event.scheme}:${event.idempotencyKey}`;
    if ((await store.claim(key)) === 'duplicate') return reply(200, { duplicate: true });
    try {
      await handler(event);
    } catch (e) {
      await store.release(key);
      throw e;
    }
    reply(200, { processed: true });
  } catch (e) {
    reply(e.status ?? 500, { error: e.code ?? 'internal_error' });
  }
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
