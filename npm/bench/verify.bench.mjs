// Verification speed, side by side in one run: hookseal's verify against the
// hand-written snippets of the provider documents and the popular libraries, each on
// its own scheme, at 256 B, 1 KiB, 64 KiB and 1 MiB. Prints ns/op and ratios; not a test.
//
//   npm run bench            (builds the addon in release first)

import assert from 'node:assert/strict';
import os from 'node:os';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { engine, sign, Verifier } from 'hookseal';
import { saleslabVerify, salesboothVerify } from './snippets.mjs';

const SIZES = [256, 1024, 64 * 1024, 1024 * 1024];
// Many short rounds, the baseline and hookseal back to back in each: the machine may be
// shared, so a ratio is taken within a round (both sides see the same load) and the
// median of those ratios is reported, with the fastest round's ns/op.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 40);

const SL = 'sl_whsec_5d41402abc4b2a76b9719d911017c592';
const SB = 'whsec_salesbooth_test';
const SW = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const GH = 'gh_webhook_secret';
const ST = 'whsec_stripe_3kR9wQ7zX2mV5nB8';
const stripe = new Stripe('sk_test_bench');

/** A JSON body of exactly `size` bytes. */
function body(size) {
  const head = '{"event":"deal.created","id":"evt_1","tenant_id":"t_1","pad":"';
  return Buffer.from(head + 'x'.repeat(size - head.length - 2) + '"}');
}

/** Ordinary request headers around the signature headers, as Node gives them. */
const base = { host: 'hooks.example.com', 'user-agent': 'Provider-Webhooks/1.0', 'content-type': 'application/json', accept: '*/*', 'x-request-id': 'req_123', 'x-forwarded-for': '203.0.113.7' };

/** Each pair: a baseline (a snippet or library) and hookseal on the same scheme. */
function pairs(b) {
  const str = b.toString();
  const now = Math.floor(Date.now() / 1000);
  // As each provider sends them: SalesLab and GitHub add event and delivery headers.
  const sl = { ...base, 'x-saleslab-event': 'deal.created', 'x-saleslab-delivery-id': 'dlv_1', ...sign('saleslab', SL, b) };
  const sb = { ...base, ...sign('salesbooth', SB, b, { timestamp: now }) };
  const sw = { ...base, ...sign('standard-webhooks', SW, b, { timestamp: now, id: 'msg_1' }) };
  const gh = { ...base, 'x-github-event': 'push', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958', ...sign('github', GH, b) };
  const st = { ...base, ...sign('stripe', ST, b, { timestamp: now }) };
  const v = (scheme, secret) => new Verifier(scheme, { secrets: [secret] });
  const [vsl, vsb, vsw, vgh, vst] = [v('saleslab', SL), v('salesbooth', SB), v('standard-webhooks', SW), v('github', GH), v('stripe', ST)];
  const wh = new Webhook(SW);
  return [
    ['SalesLab snippet (createHmac + timingSafeEqual)', () => saleslabVerify(SL, b, sl['x-saleslab-signature']), 'hookseal saleslab', () => vsl.verify(b, sl)],
    ['Salesbooth snippet (timestamped)', () => salesboothVerify(SB, sb, b), 'hookseal salesbooth', () => vsb.verify(b, sb)],
    ['standardwebhooks Webhook.verify', () => wh.verify(b, sw), 'hookseal standard-webhooks', () => vsw.verify(b, sw)],
    ['@octokit/webhooks-methods verify', async () => await octokitVerify(GH, str, gh['x-hub-signature-256']), 'hookseal github', () => vgh.verify(b, gh)],
    ['stripe.webhooks.signature.verifyHeader', () => stripe.webhooks.signature.verifyHeader(b, st['stripe-signature'], ST, 300), 'hookseal stripe', () => vst.verify(b, st)],
  ];
}

/** ns/op of `fn` over about ROUND_MS. */
async function once(fn, iterations) {
  const isAsync = fn() instanceof Promise;
  const start = process.hrtime.bigint();
  if (isAsync) for (let i = 0; i < iterations; i++) await fn();
  else for (let i = 0; i < iterations; i++) fn();
  return Number(process.hrtime.bigint() - start) / iterations;
}

async function calibrate(fn) {
  let n = 1;
  while ((await once(fn, n)) * n < ROUND_MS * 1e5) n *= 4; // reach ~10% of a round
  return Math.max(1, Math.round((n * ROUND_MS * 1e6) / ((await once(fn, n)) * n)));
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Best ns/op of a baseline and of hookseal, and the median of their per-round ratio. */
async function measure(baseline, ours) {
  for (const fn of [baseline, ours]) {
    const ok = await fn();
    assert.ok(ok, 'every benchmarked call must accept its delivery');
  }
  const [nb, no] = [await calibrate(baseline), await calibrate(ours)];
  const tb = [];
  const to = [];
  const ratios = [];
  for (let r = 0; r < ROUNDS; r++) {
    tb.push(await once(baseline, nb));
    to.push(await once(ours, no));
    ratios.push(tb[r] / to[r]);
  }
  return [Math.min(...tb), Math.min(...to), median(ratios)];
}

const fmt = (ns) => (ns >= 1e5 ? `${(ns / 1e3).toFixed(0)} µs` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const label = (n) => (n >= 1024 * 1024 ? `${n / 1024 / 1024} MiB` : n >= 1024 ? `${n / 1024} KiB` : `${n} B`);

const rows = [];
for (const size of SIZES) {
  const b = body(size);
  let snippet;
  for (const [bName, bFn, oName, oFn] of pairs(b)) {
    const [tb, to, ratio] = await measure(bFn, oFn);
    snippet ??= tb;
    rows.push({ size: label(size), name: bName, ns: tb, vsSnippet: snippet / tb, vsBaseline: '' });
    rows.push({ size: label(size), name: oName, ns: to, vsSnippet: snippet / to, vsBaseline: ratio });
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`hookseal verify benchmark — ${new Date().toISOString().slice(0, 10)}, engine ${engine}, Node ${process.version}, ${os.cpus().length} CPUs, ${cpu}`);
console.log(`${ROUNDS} alternating rounds of ~${ROUND_MS} ms; ns/op is the fastest round; ratios > 1 mean hookseal is faster`);
console.log('"vs the row above" is the median of per-round ratios against the baseline on the same scheme;');
console.log('"vs SalesLab snippet" divides fastest rounds (the snippet is the hand-written baseline at that size)\n');
console.log('| body | implementation | ns/op | vs SalesLab snippet | hookseal vs the row above |');
console.log('|---|---|---:|---:|---:|');
for (const r of rows) {
  const vs = r.vsBaseline === '' ? '' : `**${r.vsBaseline.toFixed(2)}×**`;
  console.log(`| ${r.size} | ${r.name} | ${fmt(r.ns)} | ${r.vsSnippet.toFixed(2)}× | ${vs} |`);
}
