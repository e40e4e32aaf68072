// Writes a file of SalesLab deliveries signed by hookseal's own `sign`, for
// deliveries.lua: line 1 the body before the delivery id, line 2 the body after it, then
// one `<delivery id>\t<x-saleslab-signature>` line per delivery. Every body has exactly
// SIZE bytes and its own delivery_id (the signed event id, so the idempotency key a store
// claims is new for each). SalesLab signs no timestamp, so the file stays valid however
// long the run is.
//
//   node deliveries.mjs OUT SIZE COUNT TAG SECRET

import { writeFileSync } from 'node:fs';
import { sign } from '../../npm/src/index.js';

const [out, sizeArg, countArg, tag, secret] = process.argv.slice(2);
const size = Number(sizeArg);
const count = Number(countArg);
if (!out || !(size >= 256) || !(count > 0) || !tag || !secret) {
  console.error('usage: node deliveries.mjs OUT SIZE COUNT TAG SECRET');
  process.exit(2);
}

const id = (i) => `d_${tag}_${String(i).padStart(8, '0')}`; // one width: one body size
const head = '{"event_kind":"deal.won","delivery_id":"';
const start = '","company_id":"c_load","data":{"pad":"';
const end = '"}}';
const pad = 'x'.repeat(size - head.length - id(0).length - start.length - end.length);
const tail = start + pad + end;

const lines = [head, tail];
for (let i = 0; i < count; i++) {
  const signature = sign('saleslab', secret, head + id(i) + tail)['x-saleslab-signature'];
  lines.push(`${id(i)}\t${signature}`);
}
writeFileSync(out, lines.join('\n') + '\n');
