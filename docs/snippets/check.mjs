// What the Node snippets share: sending a signed delivery to a snippet's server and
// checking the answer, so each snippet file holds the doc's lines and little else.
import assert from 'node:assert/strict';
import { sign } from 'hookseal';

/** POSTs `body` signed for `scheme` with `secret` to `url`; returns the status. */
export async function deliver(url, scheme, secret, body, { tamper = false } = {}) {
  const headers = sign(scheme, secret, body, { timestamp: Math.floor(Date.now() / 1000) });
  const sent = tamper ? body.replace('}', ',"x":1}') : body;
  const res = await fetch(url, { method: 'POST', headers, body: sent });
  await res.arrayBuffer();
  return res.status;
}

/** Checks a receiver: a genuine delivery is handled (204), a tampered one is 401. */
export async function checkReceiver(url, scheme, secret, body) {
  assert.equal(await deliver(url, scheme, secret, body), 204);
  assert.equal(await deliver(url, scheme, secret, body, { tamper: true }), 401);
}
