// npm/README.md, "Ed25519 signatures (v1a)": the snippet's keys, headers and verified
// event, checked by readme-keys.test.js.
// --- npm/README.md
import { generateKeyPairSync } from 'node:crypto';
import { sign, Verifier } from 'hookseal';

// A key pair as Standard Webhooks spells it: whsk_ (the sender's), whpk_ (receivers').
const pair = generateKeyPairSync('ed25519');
const b64 = (jwk) => Buffer.from(jwk, 'base64url').toString('base64');
export const whsk = `whsk_${b64(pair.privateKey.export({ format: 'jwk' }).d)}`;
export const whpk = `whpk_${b64(pair.publicKey.export({ format: 'jwk' }).x)}`;

// The sender signs with the secret key: `webhook-signature: v1a,<base64 signature>`.
const body = '{"type":"invoice.paid"}';
export const headers = sign('standard-webhooks', whsk, body, { id: 'msg_1' });

// A receiver holds only the public key (beside an HMAC secret, if the sender uses both).
const verifier = new Verifier('standard-webhooks', { secrets: [whpk, process.env.WEBHOOK_SECRET] });
export const event = verifier.verify(body, headers);
// --- end
