// The worker in workerd, the runtime of Cloudflare Workers (through miniflare, offline):
// real signed, tampered, stale, unsigned and oversized requests, answered 200/400/401/413.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startWorkerd } from '../build.mjs';
import { check, ENV } from './deliveries.js';

let mf;

before(async () => {
  mf = await startWorkerd(undefined, undefined, ENV);
});

after(() => mf?.dispose());

test('workerd: every delivery gets the answer the SPEC gives it', async () => {
  const failures = await check((url, init) => mf.dispatchFetch(url, init));
  assert.deepEqual(failures, []);
});
