// The store contract, the same for every store (docs/stores.md): claim takes a lease
// with an owner token (first), or finds a live lease (processing) or a completed claim
// (done); complete and release change the claim only for its owner; the layout is the
// one shared with the Python and Go receivers, and a key of the previous version reads
// as done.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { DEFAULT_LEASE_MS, DEFAULT_TTL_MS, MemoryStore, PostgresStore, SqliteStore } from 'hookseal/stores';
import { STORES, run, sleep } from './stores-cases.js';

let n = 0;
const fresh = () => `test:${run}:${++n}`;
const TOKEN = /^[0-9a-f]{32}$/;

for (const kind of STORES) {
  describe(`store contract: ${kind.name}`, { skip: kind.skip }, () => {
    const opened = [];
    const open = () => {
      const s = kind.make();
      opened.push(s);
      return s;
    };
    const store = kind.skip ? null : open();
    after(() => Promise.all(opened.map((s) => s.close())));

    test('first, then processing while the lease lives, then done once completed', async () => {
      const key = fresh();
      const claim = await store.claim(key);
      assert.equal(claim.outcome, 'first');
      assert.match(claim.token, TOKEN);
      const busy = await store.claim(key, 60_000);
      assert.equal(busy.outcome, 'processing');
      assert.ok(busy.leaseLeftMs > 0 && busy.leaseLeftMs <= DEFAULT_LEASE_MS, String(busy.leaseLeftMs));
      await store.complete(key, claim.token);
      assert.deepEqual(await store.claim(key), { outcome: 'done' });
    });

    test('release (by the owner) forgets the claim, so the retry is processed', async () => {
      const key = fresh();
      const { token } = await store.claim(key);
      await store.release(key, 'f'.repeat(32)); // not the owner: nothing changes
      assert.equal((await store.claim(key)).outcome, 'processing');
      await store.complete(key, 'f'.repeat(32)); // not the owner: nothing changes
      assert.equal((await store.claim(key)).outcome, 'processing');
      await store.release(key, token);
      assert.equal((await store.claim(key)).outcome, 'first');
    });

    test('a lease expires; the late release of its first owner never deletes the new claim', async () => {
      const key = fresh();
      const old = await store.claim(key, 150);
      await sleep(400);
      const taken = await store.claim(key, 60_000);
      assert.equal(taken.outcome, 'first');
      assert.notEqual(taken.token, old.token);
      await store.release(key, old.token);
      await store.complete(key, old.token);
      assert.equal((await store.claim(key)).outcome, 'processing');
      await store.complete(key, taken.token);
      assert.equal((await store.claim(key)).outcome, 'done');
    });

    test('a completed claim expires after its ttl', async () => {
      const key = fresh();
      const { token } = await store.claim(key);
      await store.complete(key, token, 150);
      assert.equal((await store.claim(key)).outcome, 'done');
      await sleep(400);
      assert.equal((await store.claim(key)).outcome, 'first');
    });

    test('releasing or completing a key never claimed is not an error', async () => {
      await store.release(fresh(), 'a'.repeat(32));
      await store.complete(fresh(), 'a'.repeat(32));
    });

    test('50 concurrent claims of one key: exactly one is first', async () => {
      const key = fresh();
      // Persistent stores: every claim through its own connection, as separate receivers.
      const stores = kind.persistent ? Array.from({ length: 5 }, open) : [store];
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => stores[i % stores.length].claim(key)));
      assert.equal(results.filter((r) => r.outcome === 'first').length, 1);
      assert.equal(results.filter((r) => r.outcome === 'processing').length, 49);
    });

    test('bad keys, tokens, leases and ttls are refused with a TypeError', async () => {
      for (const key of ['', undefined, 42]) await assert.rejects(store.claim(key), TypeError);
      for (const ms of [0, -1, 1.5, Number.NaN, '1000']) await assert.rejects(store.claim(fresh(), ms), TypeError);
      for (const ms of [0, -1, 1.5]) await assert.rejects(store.complete(fresh(), 'a'.repeat(32), ms), TypeError);
      await assert.rejects(store.release('', 'a'.repeat(32)), TypeError);
      await assert.rejects(store.release(fresh(), ''), TypeError);
      await assert.rejects(store.complete(fresh(), undefined), TypeError);
    });

    test('a failing sweep never fails a claim nor leaves an unprocessed "done"', async () => {
      if (!('claimsSinceSweep' in store)) return; // only the SQL stores sweep
      const failing = kind.make();
      opened.push(failing);
      failing.sweep = async () => {
        throw new Error('injected sweep failure');
      };
      const key = fresh();
      failing.claimsSinceSweep = 10_000; // the next claim sweeps
      const claim = await failing.claim(key);
      assert.equal(claim.outcome, 'first');
      assert.equal(failing.claimsSinceSweep, 0, 'the sweep ran');
      // The claim is a lease, not a completion: released, the retry runs the handler.
      assert.equal((await failing.claim(key)).outcome, 'processing');
      await failing.release(key, claim.token);
      assert.equal((await failing.claim(key)).outcome, 'first');
    });

    if (kind.persistent) {
      test('another instance (another process, or a restart) sees the claim', async () => {
        const key = fresh();
        const { token } = await store.claim(key);
        const other = open();
        assert.equal((await other.claim(key)).outcome, 'processing');
        await store.complete(key, token);
        assert.equal((await other.claim(key)).outcome, 'done');
        await other.close();
        assert.equal((await open().claim(key)).outcome, 'done');
      });
    }
  });
}

describe('migration: a key the previous version wrote reads as done', () => {
  const sqlite = STORES.find((s) => s.name === 'sqlite');
  test('sqlite: a table without a token column', { skip: sqlite.skip }, async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hookseal-migrate-')), 'old.db');
    const Database = createRequire(import.meta.url)('better-sqlite3');
    const old = new Database(path);
    old.exec('CREATE TABLE hookseal_claims (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
    old.prepare('INSERT INTO hookseal_claims VALUES (?, ?)').run('stripe:evt_old', Date.now() + 3_600_000);
    old.close();
    const store = new SqliteStore({ path });
    assert.deepEqual(await store.claim('stripe:evt_old'), { outcome: 'done' });
    assert.equal((await store.claim('stripe:evt_new')).outcome, 'first');
    await store.close();
  });

  const redis = STORES.find((s) => s.name === 'redis');
  test('redis: a key holding 1', { skip: redis.skip }, async () => {
    const store = redis.make();
    const client = await store.client();
    const key = `stripe:evt_old_${run}`;
    await client.set(`hookseal:${key}`, '1', 'PX', 3_600_000);
    assert.deepEqual(await store.claim(key), { outcome: 'done' });
    await store.close();
  });

  const pg = STORES.find((s) => s.name === 'postgres');
  test('postgres: a table without a token column', { skip: pg.skip }, async () => {
    const table = `hookseal_old_${run}`;
    const { default: pgDriver } = await import('pg');
    const pool = new pgDriver.Pool({ connectionString: process.env.HOOKSEAL_TEST_POSTGRES_URL });
    await pool.query(`CREATE TABLE ${table} (key text PRIMARY KEY, expires_at timestamptz NOT NULL)`);
    await pool.query(`INSERT INTO ${table} VALUES ('stripe:evt_old', now() + interval '1 hour')`);
    const store = new PostgresStore({ pool, table });
    assert.deepEqual(await store.claim('stripe:evt_old'), { outcome: 'done' });
    assert.equal((await store.claim('stripe:evt_new')).outcome, 'first');
    await pool.query(`DROP TABLE ${table}`);
    await pool.end();
  });
});

describe('memory store specifics', () => {
  test('the defaults are the core lease (60 s) and ttl (30 days)', async () => {
    assert.equal(DEFAULT_LEASE_MS, 60_000);
    assert.equal(DEFAULT_TTL_MS, 30 * 24 * 3600 * 1000);
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    const { token } = await store.claim('k');
    now = DEFAULT_LEASE_MS - 1;
    assert.equal((await store.claim('k')).outcome, 'processing');
    await store.complete('k', token);
    now += DEFAULT_TTL_MS - 1;
    assert.equal((await store.claim('k')).outcome, 'done');
    now += 2;
    assert.equal((await store.claim('k')).outcome, 'first');
  });

  test('bounded: past maxKeys the least recently used claim is forgotten', async () => {
    const store = new MemoryStore({ maxKeys: 2 });
    await store.claim('a');
    await store.claim('b');
    assert.equal((await store.claim('a')).outcome, 'processing'); // a is now the most recent
    await store.claim('c'); // evicts b
    assert.equal(store.claims.size, 2);
    assert.equal((await store.claim('a')).outcome, 'processing');
    assert.equal((await store.claim('b')).outcome, 'first');
  });

  test('maxKeys must be a positive integer', () => {
    assert.throws(() => new MemoryStore({ maxKeys: 0 }), TypeError);
  });
});

describe('optional drivers', () => {
  test('a store with no driver installed says which package to install', async () => {
    const { loadDriver } = await import('../src/stores/ttl.js');
    await assert.rejects(loadDriver('hookseal-no-such-driver', 'TestStore'), /npm install hookseal-no-such-driver/);
  });
});
