// npm/README.md, "De-duplication": the snippet's route with a SQLite store, sent one
// delivery twice; the second is acknowledged as a duplicate without the handler.
// Needs better-sqlite3 (scripts/ci/stores.sh --node-drivers installs it).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { Verifier, sign } from 'hookseal';

process.chdir(mkdtempSync(join(tmpdir(), 'hookseal-npm-readme-'))); // where hookseal.db is made
process.env.SALESLAB_SECRET ??= 'sl_npm_readme';
const app = express();
const saleslab = new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET] });
let runs = 0;
const handler = (req, res) => {
  runs += 1;
  res.sendStatus(204);
};

// --- npm/README.md
import { webhook } from 'hookseal/express';
import { SqliteStore } from 'hookseal/stores';

const store = new SqliteStore({ path: 'hookseal.db' });
app.post('/hooks/saleslab', webhook(saleslab, { store, leaseMs: 60_000 }), handler);
// --- end

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
try {
  const url = `http://127.0.0.1:${server.address().port}/hooks/saleslab`;
  const body = '{"event_kind":"badge.awarded","delivery_id":"d_npm_stores"}';
  const headers = sign('saleslab', process.env.SALESLAB_SECRET, body);
  const first = await fetch(url, { method: 'POST', headers, body });
  assert.equal(first.status, 204);
  const again = await fetch(url, { method: 'POST', headers, body });
  assert.equal(again.status, 200);
  assert.deepEqual(await again.json(), { duplicate: true });
  assert.equal(runs, 1);
  console.log('npm/README.md "De-duplication": ok');
} finally {
  server.close();
  await store.close?.();
}
