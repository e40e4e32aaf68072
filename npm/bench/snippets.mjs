// What users paste today, copied from the providers' own documentation, with
// only the framework plumbing removed: the baselines hookseal is measured against.

import crypto, { createHmac, timingSafeEqual } from 'node:crypto';

/** SalesLab's Node snippet (seed 000), verbatim. */
export function saleslabVerify(secret, body, header) {
  const sig = header.replace(/^sha256=/, '');
  const expected = createHmac('sha256', secret).update(body).digest('hex');
  const a = Buffer.from(sig, 'hex');
  const b = Buffer.from(expected, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Salesbooth's Express snippet (seed 003), as a function of (req.headers, req.body). */
export function salesboothVerify(WEBHOOK_SECRET, headers, body) {
  const TOLERANCE_SECONDS = 300;
  const sig = headers['x-salesbooth-signature'];
  const ts = headers['x-salesbooth-timestamp'];
  const now = Math.floor(Date.now() / 1000);
  if (Math.abs(now - parseInt(ts, 10)) > TOLERANCE_SECONDS) return false;
  const signedContent = `${ts}.${body}`;
  const expected = 'v1=' + crypto.createHmac('sha256', WEBHOOK_SECRET).update(signedContent).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected));
}
