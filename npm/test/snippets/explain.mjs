// npm/README.md, "Why a delivery fails": the snippet's function, called by
// readme-keys.test.js with a delivery whose body lost its trailing newline.
// --- npm/README.md
import { Verifier } from 'hookseal';

const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });

/** Logs why a delivery fails: in development, never in the reply to the sender. */
export function diagnose(rawBody, headers) {
  const why = verifier.explain(rawBody, headers);
  // { ok: false, code: 'signature_mismatch', message: '…',
  //   findings: [{ code: 'trailing_newline_lost', message: '…' }] }
  if (!why.ok) console.warn(why.code, why.findings.map((f) => f.message));
  return why;
}
// --- end
