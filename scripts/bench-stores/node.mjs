// Claims per second of each Node store at 1 and 16 concurrent clients (16 claims in
// flight on one store: its pool or connection), and verifications per second beside
// them. Run by scripts/bench-stores.sh, which starts the servers. Prints one
// tab-separated line per measurement: runtime, what, clients, per second.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Verifier, sign } from '../../npm/src/index.js';
import { MemoryStore, PostgresStore, RedisStore, SqliteStore } from '../../npm/src/stores/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS || 1.5);
const require = createRequire(new URL('../../npm/package.json', import.meta.url));
const run = Math.random().toString(36).slice(2, 10);
let n = 0;

/** Claims fresh keys (all first, as in normal traffic) for SECONDS with `clients` in flight. */
async function claims(store, clients) {
  const end = performance.now() + SECONDS * 1000;
  let done = 0;
  const client = async () => {
    while (performance.now() < end) {
      await store.claim(`bench:${run}:${++n}`);
      done++;
    }
  };
  const start = performance.now();
  await store.claim(`bench:${run}:warm`); // connect and create the table outside the timing
  await Promise.all(Array.from({ length: clients }, client));
  return done / ((performance.now() - start) / 1000);
}

function verifications() {
  const note = Array.from({ length: 900 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
  const body = Buffer.from(`{"event":"deal.created","id":"evt_0123456789","tenant_id":"tenant_abc123","data":{"note":"${note}"}}`);
  const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });
  const headers = sign('salesbooth', 'whsec_test', body);
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  let done = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) verifier.verify(body, headers).idempotencyKey;
    done += 100;
  }
  return done / ((performance.now() - start) / 1000);
}

const stores = {
  memory: () => new MemoryStore(),
  sqlite: () => new SqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'hookseal-bench-')), 'claims.db') }),
  redis: () => new RedisStore({ url: process.env.HOOKSEAL_TEST_REDIS_URL }),
  postgres: () => {
    const pg = require('pg');
    // A connection per client at 16 clients.
    return new PostgresStore({ pool: new pg.Pool({ connectionString: process.env.HOOKSEAL_TEST_POSTGRES_URL, max: 16 }) });
  },
};

console.log(`node\tverify\t1\t${verifications().toFixed(0)}`);
for (const [name, make] of Object.entries(stores)) {
  for (const clients of [1, 16]) {
    const store = make();
    console.log(`node\t${name}\t${clients}\t${(await claims(store, clients)).toFixed(0)}`);
    await store.close();
    if (store.pool?.end && name === 'postgres') await store.pool.end();
  }
}
