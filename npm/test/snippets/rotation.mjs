// npm/README.md, "Rotating a secret": the verifier of the snippet, checked by
// readme-keys.test.js before and after the old secret's notAfter.
// --- npm/README.md
import { Verifier } from 'hookseal';

// The new secret, and the old one until the end of January: after that second it no
// longer verifies, without a redeploy.
export const verifier = new Verifier('salesbooth', {
  secrets: [
    process.env.SALESBOOTH_SECRET,
    { secret: process.env.SALESBOOTH_SECRET_OLD, notAfter: new Date('2027-01-31T23:59:59Z') },
  ],
});
// event.secretIndex === 1: the sender still signs with the old secret.
// --- end
