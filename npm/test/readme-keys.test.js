// The npm/README.md snippets of rotation windows, explain and v1a keys
// (test/snippets/{rotation,explain,v1a}.mjs), run against either engine.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { hookseal, here } from './helper.js';

const { sign } = hookseal;
Object.assign(process.env, {
  SALESBOOTH_SECRET: 'whsec_readme_new',
  SALESBOOTH_SECRET_OLD: 'whsec_readme_old',
  WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
});
const snippet = (name) => import(pathToFileURL(join(here, 'snippets', name)).href);
const BODY = '{"event":"deal.created","id":"evt_1"}';

describe('npm/README.md snippets: secrets and keys', () => {
  test('Rotating a secret: the old one verifies until its notAfter, then not', async () => {
    const { verifier } = await snippet('rotation.mjs');
    const retires = Date.parse('2027-01-31T23:59:59Z') / 1000;
    const old = sign('salesbooth', process.env.SALESBOOTH_SECRET_OLD, BODY, { timestamp: retires });
    assert.equal(verifier.verify(BODY, old, { now: retires }).secretIndex, 1);
    assert.throws(() => verifier.verify(BODY, old, { now: retires + 1 }), { code: 'signature_mismatch' });
    const current = sign('salesbooth', process.env.SALESBOOTH_SECRET, BODY, { timestamp: retires + 1 });
    assert.equal(verifier.verify(BODY, current, { now: retires + 1 }).secretIndex, 0);
  });

  test('Why a delivery fails: a body that lost its trailing newline', async (t) => {
    const { diagnose } = await snippet('explain.mjs');
    const warned = t.mock.method(console, 'warn', () => {});
    const sent = sign('salesbooth', process.env.SALESBOOTH_SECRET, `${BODY}\n`);
    const why = diagnose(BODY, sent);
    assert.equal(why.code, 'signature_mismatch');
    assert.ok(why.findings.some((f) => f.code === 'trailing_newline_lost'), JSON.stringify(why));
    assert.equal(warned.mock.callCount(), 1);
    assert.equal(diagnose(`${BODY}\n`, sent).ok, true);
    assert.equal(warned.mock.callCount(), 1);
  });

  test('Ed25519 signatures (v1a): whsk_ signs, whpk_ verifies', async () => {
    const { whsk, whpk, headers, event } = await snippet('v1a.mjs');
    assert.match(whsk, /^whsk_[A-Za-z0-9+/]{43}=$/);
    assert.match(whpk, /^whpk_[A-Za-z0-9+/]{43}=$/);
    assert.match(headers['webhook-signature'], /^v1a,[A-Za-z0-9+/]{86}==$/);
    assert.equal(headers['webhook-id'], 'msg_1');
    assert.equal(event.secretIndex, 0);
    assert.equal(event.json().type, 'invoice.paid');
    // As the README says: the keys go one way each.
    assert.throws(() => new hookseal.Verifier('standard-webhooks', { secrets: [whsk] }), { code: 'invalid_secret' });
    assert.throws(() => sign('standard-webhooks', whpk, '{}', { id: 'msg_1' }), { code: 'invalid_secret' });
  });
});
