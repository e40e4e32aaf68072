// The store contract, the same for every store: claim is first once and duplicate
// after, atomically, until it expires or is released.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DEFAULT_TTL_MS, MemoryStore } from '../src/stores/index.js';
import { STORES, run, sleep } from './stores-cases.js';

let n = 0;
const fresh = () => `test:${run}:${++n}`;

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

    test('the first claim of a key is first, every later one a duplicate', async () => {
      const key = fresh();
      assert.equal(await store.claim(key), 'first');
      assert.equal(await store.claim(key), 'duplicate');
      assert.equal(await store.claim(key, 60_000), 'duplicate');
    });

    test('keys are independent', async () => {
      const [a, b] = [fresh(), fresh()];
      assert.equal(await store.claim(a), 'first');
      assert.equal(await store.claim(b), 'first');
    });

    test('release forgets a claim, so the retry is processed', async () => {
      const key = fresh();
      assert.equal(await store.claim(key), 'first');
      await store.release(key);
      assert.equal(await store.claim(key), 'first');
      assert.equal(await store.claim(key), 'duplicate');
    });

    test('releasing a key never claimed is not an error', async () => {
      await store.release(fresh());
    });

    test('a claim expires after its ttl and can be claimed again', async () => {
      const key = fresh();
      assert.equal(await store.claim(key, 150), 'first');
      assert.equal(await store.claim(key, 150), 'duplicate');
      await sleep(400);
      assert.equal(await store.claim(key, 150), 'first');
    });

    test('50 concurrent claims of one key: exactly one is first', async () => {
      const key = fresh();
      // Persistent stores: every claim through its own connection, as separate receivers.
      const stores = kind.persistent ? Array.from({ length: 5 }, open) : [store];
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => stores[i % stores.length].claim(key)));
      assert.equal(results.filter((r) => r === 'first').length, 1);
      assert.equal(results.filter((r) => r === 'duplicate').length, 49);
    });

    test('bad keys and ttls are refused with a TypeError', async () => {
      for (const key of ['', undefined, 42]) await assert.rejects(store.claim(key), TypeError);
      for (const ttl of [0, -1, 1.5, Number.NaN, '1000']) await assert.rejects(store.claim(fresh(), ttl), TypeError);
      await assert.rejects(store.release(''), TypeError);
    });

    if (kind.persistent) {
      test('another instance (another process, or a restart) sees the claim', async () => {
        const key = fresh();
        assert.equal(await store.claim(key), 'first');
        const other = open();
        assert.equal(await other.claim(key), 'duplicate');
        await other.close();
        assert.equal(await open().claim(key), 'duplicate');
      });
    }
  });
}

describe('memory store specifics', () => {
  test('the default ttl is 30 days', async () => {
    assert.equal(DEFAULT_TTL_MS, 30 * 24 * 3600 * 1000);
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    assert.equal(await store.claim('k'), 'first');
    now = DEFAULT_TTL_MS - 1;
    assert.equal(await store.claim('k'), 'duplicate');
    now = 2 * DEFAULT_TTL_MS; // the duplicate above did not extend the claim
    assert.equal(await store.claim('k'), 'first');
  });

  test('bounded: past maxKeys the least recently used claim is forgotten', async () => {
    const store = new MemoryStore({ maxKeys: 2 });
    await store.claim('a');
    await store.claim('b');
    assert.equal(await store.claim('a'), 'duplicate'); // a is now the most recent
    await store.claim('c'); // evicts b
    assert.equal(store.claims.size, 2);
    assert.equal(await store.claim('a'), 'duplicate');
    assert.equal(await store.claim('b'), 'first');
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
