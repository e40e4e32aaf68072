// A 200 MiB chunked body (no Content-Length) to the Express and Fetch helpers: 413, and
// the receiver process's resident memory grows by less than 16 MiB, since the helpers
// read with a byte counter and stop at maxBody + 1. The peak (VmHWM) is measured inside
// the receiver process, before and after.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { deliver, delivery, startReceiver, stop } from './receiver-process.js';

const TOTAL = 200 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** Sends up to TOTAL bytes chunked; resolves with the status as soon as the answer comes. */
function sendChunked(base, headers) {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/hooks`);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode, sent });
      req.destroy();
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < TOTAL) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const memory = async (r) => (await fetch(`${r.base}/memory`)).json();
const MiB = 1024 * 1024;

for (const helper of ['express', 'fetch']) {
  describe(`${helper}: a 200 MiB chunked body`, () => {
    test('is 413, and the receiver grows by less than 16 MiB', async () => {
      const r = await startReceiver({ HELPER: helper, STORE: 'memory' });
      const d = delivery(`memory_${helper}`);
      assert.equal((await deliver(r, d)).status, 200); // every code path loaded
      const before = await memory(r);
      const { status } = await sendChunked(r.base, { ...d.headers, 'transfer-encoding': 'chunked' });
      assert.equal(status, 413);
      const afterwards = await memory(r);
      const growth = afterwards.peak - before.peak;
      console.log(`# ${helper}: peak RSS ${(before.peak / MiB).toFixed(1)} -> ${(afterwards.peak / MiB).toFixed(1)} MiB (growth ${(growth / MiB).toFixed(1)} MiB)`);
      assert.ok(growth < 16 * MiB, `peak grew by ${(growth / MiB).toFixed(1)} MiB`);
      await stop(r);
    });
  });
}
