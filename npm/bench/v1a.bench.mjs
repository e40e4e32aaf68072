// Standard Webhooks `v1a` (Ed25519) against `v1` (HMAC-SHA256): one genuine delivery
// per call through `Verifier.verify`, on the native engine and on the wasm engine in
// Node, with Node's own Ed25519 (`crypto.verify`, OpenSSL) as the reference. Prints a
// Markdown table; not a test (nothing asserts a time).
//
//   npm run build:native && npm run build:wasm     (release builds)
//   node bench/v1a.bench.mjs [size]                 (default 1024 bytes)
//
// Method as bench/verify.bench.mjs: alternating rounds of ~40 ms, v1 then the other in
// each; the ratio is taken within each round (the machine is shared) and its median
// reported, with the fastest round's time.

import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync, verify as edVerify } from 'node:crypto';
import os from 'node:os';
import * as native from 'hookseal';
import * as wasm from 'hookseal/wasm';

const SIZE = Number(process.argv[2] ?? 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 40);
const WHSEC = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

const pair = generateKeyPairSync('ed25519');
const b64 = (jwk) => Buffer.from(jwk, 'base64url').toString('base64');
const WHSK = `whsk_${b64(pair.privateKey.export({ format: 'jwk' }).d)}`;
const WHPK = `whpk_${b64(pair.publicKey.export({ format: 'jwk' }).x)}`;

/** A JSON body of exactly `size` bytes. */
function body(size) {
  const head = '{"type":"invoice.paid","id":"evt_1","pad":"';
  return Buffer.from(head + 'x'.repeat(size - head.length - 2) + '"}');
}

const base = { host: 'hooks.example.com', 'user-agent': 'Provider-Webhooks/1.0', 'content-type': 'application/json', accept: '*/*', 'x-request-id': 'req_123', 'x-forwarded-for': '203.0.113.7' };

/** [name, fn] contenders over `api` (the `hookseal` or `hookseal/wasm` module). */
function contenders(api, b) {
  const now = Math.floor(Date.now() / 1000);
  const v1 = { ...base, ...api.sign('standard-webhooks', WHSEC, b, { timestamp: now, id: 'msg_1' }) };
  const v1a = { ...base, ...api.sign('standard-webhooks', WHSK, b, { timestamp: now, id: 'msg_1' }) };
  assert.match(v1a['webhook-signature'], /^v1a,/);
  const hmac = new api.Verifier('standard-webhooks', { secrets: [WHSEC] });
  const ed = new api.Verifier('standard-webhooks', { secrets: [WHPK] });
  return { v1: () => hmac.verify(b, v1), v1a: () => ed.verify(b, v1a), v1aHeaders: v1a, now };
}

/** Node's Ed25519 over the same signed content (`id.ts.body`), the key object made once. */
function nodeEd25519(b, headers) {
  const key = createPublicKey(pair.publicKey.export({ format: 'pem', type: 'spki' }));
  const sig = Buffer.from(headers['webhook-signature'].slice(4), 'base64');
  const prefix = Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`);
  return () => edVerify(null, Buffer.concat([prefix, b]), key, sig);
}

function once(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / n;
}

function calibrate(fn) {
  let n = 1;
  while (once(fn, n) * n < ROUND_MS * 1e5) n *= 4;
  return Math.max(1, Math.round((n * ROUND_MS * 1e6) / (once(fn, n) * n)));
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Best ns/op of `a` and `b`, and the median per-round ratio b/a. */
function measure(a, b) {
  assert.ok(a() && b(), 'every benchmarked call must accept its delivery');
  const [na, nb] = [calibrate(a), calibrate(b)];
  const ta = [];
  const tb = [];
  for (let r = 0; r < ROUNDS; r++) {
    ta.push(once(a, na));
    tb.push(once(b, nb));
  }
  return [Math.min(...ta), Math.min(...tb), median(tb.map((t, i) => t / ta[i]))];
}

const us = (ns) => `${(ns / 1e3).toFixed(2)} µs`;
const b = body(SIZE);
const rows = [];
for (const [engine, api] of [['native', native], ['wasm', wasm]]) {
  assert.equal(api.engine, engine, `hookseal loaded the ${api.engine} engine, not ${engine}`);
  const c = contenders(api, b);
  const [t1, t1a, ratio] = measure(c.v1, c.v1a);
  rows.push(`| ${engine} | ${us(t1)} | ${us(t1a)} | ${ratio.toFixed(2)}× |`);
  if (engine === 'native') {
    const [, tNode, vsNode] = measure(c.v1a, nodeEd25519(b, c.v1aHeaders));
    rows.push(`| node:crypto Ed25519 (OpenSSL), reference | | ${us(tNode)} | hookseal native v1a is ${vsNode.toFixed(2)}× its speed |`);
  }
}

console.log(`v1a vs v1 at ${SIZE} B — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
console.log(`${ROUNDS} alternating rounds of ~${ROUND_MS} ms; times are the fastest round; the ratio is the median per-round v1a/v1\n`);
console.log('| engine | v1 (HMAC-SHA256) | v1a (Ed25519) | v1a / v1 |');
console.log('|---|---:|---:|---:|');
for (const row of rows) console.log(row);
