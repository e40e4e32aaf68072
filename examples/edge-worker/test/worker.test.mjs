// The worker in workerd, the runtime of Cloudflare Workers (through miniflare, offline):
// real signed, tampered, stale, unsigned and oversized requests, answered 200/400/401/413,
// and a repeat answered 200 as a duplicate (on the path without the /webhooks prefix).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startWorkerd } from '../build.mjs';
import { check, deliveries, ENV } from './deliveries.js';

let mf;

before(async () => {
  mf = await startWorkerd(undefined, undefined, ENV);
});

after(() => mf?.dispose());

test('workerd: every delivery gets the answer of the receive contract (docs/receiving.md)', async () => {
  const failures = await check((url, init) => mf.dispatchFetch(url, init));
  assert.deepEqual(failures, []);
});

test('workerd: a repeat of a verified delivery is acknowledged as a duplicate', async () => {
  const d = (await deliveries()).find((x) => x.name === 'salesos: signed (upper-case hex)');
  const send = () => mf.dispatchFetch('https://hooks.example/salesos', { method: 'POST', headers: d.headers, body: d.body });
  await (await send()).text(); // the first, or a repeat of the check above: either way seen now
  const again = await send();
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), { duplicate: true });
});
