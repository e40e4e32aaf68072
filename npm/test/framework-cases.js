// What every framework helper's test sends its real server: the same deliveries and the
// same expected answers (docs/receiving.md), so each test file holds only its framework's
// set-up and what is particular to it.

import assert from 'node:assert/strict';
import { hookseal, SALESBOOTH_SECRET } from './helper.js';

const { Verifier, sign } = hookseal;
export const verifier = new Verifier('salesbooth', { secrets: [SALESBOOTH_SECRET] });
export const BODY = '{"event":"deal.created","id":"evt_42","tenant_id":"tenant_abc123","data":{}}';
export const signed = (body) => sign('salesbooth', SALESBOOTH_SECRET, body);
const MIB = 1024 * 1024;

/** `post(path, body, headers)` against `base()`: `{status, headers, json}` (json: the text when not JSON). */
export function poster(base) {
  return async (path, body, headers) => {
    const res = await fetch(base() + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text.startsWith('{') ? JSON.parse(text) : text };
  };
}

/** Tampered 401 and missing signature 400, as `{error, message}` JSON; `ok` the genuine status. */
export async function checkRejections(post, path) {
  const r = await post(path, BODY.replace('42', '43'), signed(BODY));
  assert.deepEqual([r.status, r.json.error, typeof r.json.message], [401, 'signature_mismatch', 'string']);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  const missing = await post(path, BODY, {});
  assert.deepEqual([missing.status, missing.json.error], [400, 'missing_signature']);
}

/** max_body (1 MiB) is accepted with `ok`; max_body + 1 is 413 payload_too_large. */
export async function checkBound(post, path, ok = 200) {
  const big = 'x'.repeat(MIB + 1);
  const r = await post(path, big, signed(big));
  assert.deepEqual([r.status, r.json.error], [413, 'payload_too_large']);
  const full = big.slice(1);
  assert.equal((await post(path, full, signed(full))).status, ok);
}

/**
 * A route with a store whose handler answers `ok` and throws for `evt_fail`: once, then a
 * duplicate 200 `{"duplicate": true}`; a thrown handler releases (500, and runs again).
 * `runs()` counts the handler's runs.
 */
export async function checkOnce(post, path, runs, ok) {
  const before = runs();
  const once = '{"event":"deal.created","id":"evt_once"}';
  assert.equal((await post(path, once, signed(once))).status, ok);
  const dup = await post(path, once, signed(once));
  assert.deepEqual([dup.status, dup.json], [200, { duplicate: true }]);
  const failing = '{"event":"deal.created","id":"evt_fail"}';
  assert.equal((await post(path, failing, signed(failing))).status, 500);
  assert.equal((await post(path, failing, signed(failing))).status, 500);
  assert.equal(runs() - before, 3);
}
