// What the benchmark compares, runtime-neutral (Node and workerd run this same file):
// one verification of a genuine delivery each, at the body sizes edge code sees.
//
//   hookseal          hookseal/wasm `Verifier.verify` (saleslab: HMAC-SHA256, hex), synchronous
//   noble             @noble/hashes `hmac(sha256)` + a constant-time hex compare: pure-JS edge code
//   webcrypto         `crypto.subtle.verify('HMAC', key, sig, body)`, key imported once: async
//   hookseal-sw       hookseal/wasm on a Standard Webhooks delivery
//   standardwebhooks  the `standardwebhooks` package's `Webhook.verify` (jsonParse: false)

import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Webhook } from 'standardwebhooks';

export const SIZES = [256, 1024, 64 * 1024];
const SECRET = 'sl_whsec_5d41402abc4b2a76b9719d911017c592';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const enc = new TextEncoder();

/** A JSON body of exactly `size` bytes. */
export function jsonBody(size) {
  const head = '{"event_kind":"badge.awarded","delivery_id":"d_1","pad":"';
  return `${head}${'x'.repeat(size - head.length - 2)}"}`;
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function equalHex(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * `{name: () => boolean | Promise<boolean>}` for one body size; every function verifies the
 * same genuine delivery and must return true. `hookseal` is the `hookseal/wasm` module.
 */
export async function contenders(hookseal, size) {
  const text = jsonBody(size);
  const body = enc.encode(text);
  const now = Math.floor(Date.now() / 1000);
  const headers = hookseal.sign('saleslab', SECRET, body);
  const signature = headers['x-saleslab-signature'];
  const verifier = new hookseal.Verifier('saleslab', { secrets: [SECRET] });
  const digest = signature.slice('sha256='.length);
  const sigBytes = Uint8Array.from(digest.match(/../g), (h) => parseInt(h, 16));
  const key = await crypto.subtle.importKey('raw', enc.encode(SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const swHeaders = hookseal.sign('standard-webhooks', SW_SECRET, text, { timestamp: now, id: 'msg_1' });
  const swVerifier = new hookseal.Verifier('standard-webhooks', { secrets: [SW_SECRET] });
  const webhook = new Webhook(SW_SECRET);
  return {
    hookseal: () => verifier.verify(body, headers, { now }).secretIndex === 0,
    noble: () => equalHex(hex(hmac(sha256, enc.encode(SECRET), body)), digest.toLowerCase()),
    webcrypto: () => crypto.subtle.verify('HMAC', key, sigBytes, body),
    'hookseal-sw': () => swVerifier.verify(text, swHeaders, { now }).secretIndex === 0,
    standardwebhooks: () => webhook.verify(text, swHeaders, { jsonParse: false }) === undefined,
  };
}

/** Runs `fn` `n` times (awaiting it only when it is async); throws if a run fails. */
export async function repeat(fn, n) {
  let ok = true;
  const first = fn();
  if (first instanceof Promise) {
    ok = await first;
    for (let i = 1; i < n; i++) ok = (await fn()) && ok;
  } else {
    ok = first;
    for (let i = 1; i < n; i++) ok = fn() && ok;
  }
  if (!ok) throw new Error('a verification failed');
}
