// The stores every store test runs against. Redis and PostgreSQL come from
// scripts/ci/stores.sh (HOOKSEAL_TEST_REDIS_URL, HOOKSEAL_TEST_POSTGRES_URL); SQLite
// needs the optional better-sqlite3. A store that cannot run here is skipped with the
// reason, unless HOOKSEAL_STORES_REQUIRED=1 (set by stores.sh), where it fails.

import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MemoryStore, PostgresStore, RedisStore, SqliteStore } from '../src/stores/index.js';

const require = createRequire(import.meta.url);
const required = process.env.HOOKSEAL_STORES_REQUIRED === '1';

function installed(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** A unique key prefix per run, so reruns against the same servers never collide. */
export const run = randomUUID().slice(0, 8);

const sqlitePath = join(mkdtempSync(join(tmpdir(), 'hookseal-stores-')), 'claims.db');

/**
 * Each store: `make()` opens a new instance on the same backing data (a second process,
 * or the same receiver after a restart); `env` is what a receiver process needs to open it.
 */
export const STORES = [
  {
    name: 'memory',
    persistent: false,
    make: (options) => new MemoryStore(options),
    env: { STORE: 'memory' },
  },
  {
    name: 'sqlite',
    persistent: true,
    skip: !installed('better-sqlite3') && 'better-sqlite3 is not installed',
    make: () => new SqliteStore({ path: sqlitePath }),
    env: { STORE: 'sqlite', STORE_URL: sqlitePath },
  },
  {
    name: 'redis',
    persistent: true,
    skip:
      (!installed('ioredis') && 'ioredis is not installed') ||
      (!process.env.HOOKSEAL_TEST_REDIS_URL && 'HOOKSEAL_TEST_REDIS_URL is not set (scripts/ci/stores.sh sets it)'),
    make: () => new RedisStore({ url: process.env.HOOKSEAL_TEST_REDIS_URL }),
    env: { STORE: 'redis', STORE_URL: process.env.HOOKSEAL_TEST_REDIS_URL },
  },
  {
    name: 'postgres',
    persistent: true,
    skip:
      (!installed('pg') && 'pg is not installed') ||
      (!process.env.HOOKSEAL_TEST_POSTGRES_URL && 'HOOKSEAL_TEST_POSTGRES_URL is not set (scripts/ci/stores.sh sets it)'),
    make: () => new PostgresStore({ connectionString: process.env.HOOKSEAL_TEST_POSTGRES_URL }),
    env: { STORE: 'postgres', STORE_URL: process.env.HOOKSEAL_TEST_POSTGRES_URL },
  },
].map((s) => {
  if (s.skip && required) throw new Error(`store ${s.name} cannot run: ${s.skip}`);
  return s;
});

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
