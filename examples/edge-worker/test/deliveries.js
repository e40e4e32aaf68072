// Signed, tampered, stale, unsigned and oversized deliveries for the four sales
// platforms, signed here with WebCrypto exactly as each provider documents it (not with
// hookseal), and the answer the worker must give. Runs in Node and in Deno.

export const ENV = {
  SALESLAB_SECRET: 'sl_whsec_5d41402abc4b2a76b9719d911017c592',
  SALESOS_SECRET: 'sos_test_secret',
  // a rotation: the new secret first, the old one still accepted
  SALESBOOTH_SECRET: 'whsec_new_secret,whsec_old_secret',
  SALESCALING_TOKEN: 'sc_token_abc123',
};

const enc = new TextEncoder();

async function hmacHex(secret, message) {
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Every case: `{name, path, headers, body, status, json?}` (json: fields the 200 answer has;
 * `handled` what the kind's route did, absent for a kind the worker does not route).
 */
export async function deliveries(now = Math.floor(Date.now() / 1000)) {
  const lab = JSON.stringify({ event_kind: 'badge.awarded', company_id: 'c_42', user_id: 'u_1', badge_slug: 'ninety_score', delivery_id: 'badge.awarded:u_1:sub_1' });
  const os = JSON.stringify({ id: 'evt_123', type: 'deal.won', created_at: '2026-11-23T10:00:00Z', data: { id: 'deal_9', value: 12000 } });
  const booth = JSON.stringify({ id: 'evt_b1', event: 'deal.created', tenant_id: 'tenant_abc123', data: {} });
  const scaling = JSON.stringify({ event: 'activity.created', companyId: 'co_9' });
  const meeting = JSON.stringify({ event: 'meeting_status_changed', status: 'meeting_notes_done', companyId: 'co_9' });
  const labSig = `sha256=${await hmacHex(ENV.SALESLAB_SECRET, lab)}`;
  const osSig = `sha256=${await hmacHex(ENV.SALESOS_SECRET, os)}`;
  const boothAt = async (ts, secret = 'whsec_old_secret') => ({
    'x-salesbooth-timestamp': String(ts),
    'x-salesbooth-signature': `v1=${await hmacHex(secret, `${ts}.${booth}`)}`,
  });
  return [
    { name: 'saleslab: signed', path: '/webhooks/saleslab', headers: { 'X-SalesLab-Signature': labSig }, body: lab, status: 200,
      json: { kind: 'badge.awarded', tenant: 'c_42', idempotencyKey: 'badge.awarded:u_1:sub_1', handled: 'badge ninety_score for u_1' } },
    { name: 'saleslab: tampered body', path: '/webhooks/saleslab', headers: { 'X-SalesLab-Signature': labSig }, body: lab.replace('u_1', 'u_2'), status: 401 },
    { name: 'saleslab: no signature', path: '/webhooks/saleslab', headers: {}, body: lab, status: 400 },
    { name: 'saleslab: malformed signature', path: '/webhooks/saleslab', headers: { 'X-SalesLab-Signature': 'sha256=zz' }, body: lab, status: 400 },
    { name: 'saleslab: over 1 MiB', path: '/webhooks/saleslab', headers: { 'X-SalesLab-Signature': labSig }, body: 'x'.repeat(1024 * 1024 + 1), status: 413 },
    { name: 'salesos: signed (upper-case hex)', path: '/webhooks/salesos', headers: { 'x-salesos-signature': osSig.toUpperCase().replace('SHA256=', 'sha256=') }, body: os, status: 200,
      json: { kind: 'deal.won', tenant: null, idempotencyKey: 'evt_123', handled: 'deal deal_9 won: 12000' } },
    { name: 'salesos: signed with another secret', path: '/webhooks/salesos', headers: { 'x-salesos-signature': `sha256=${await hmacHex('wrong', os)}` }, body: os, status: 401 },
    { name: 'salesbooth: signed with the old secret', path: '/webhooks/salesbooth', headers: await boothAt(now - 10), body: booth, status: 200,
      json: { kind: 'deal.created', tenant: 'tenant_abc123', idempotencyKey: 'evt_b1', handled: 'deal created for tenant tenant_abc123' } },
    { name: 'salesbooth: stale (10 minutes old)', path: '/webhooks/salesbooth', headers: await boothAt(now - 600), body: booth, status: 400 },
    { name: 'salesbooth: from the future', path: '/webhooks/salesbooth', headers: await boothAt(now + 600), body: booth, status: 400 },
    { name: 'salesbooth: replayed with a fresh timestamp', path: '/webhooks/salesbooth',
      headers: { ...(await boothAt(now - 600)), 'x-salesbooth-timestamp': String(now) }, body: booth, status: 401 },
    { name: 'salesbooth: no timestamp', path: '/webhooks/salesbooth',
      headers: { 'x-salesbooth-signature': (await boothAt(now))['x-salesbooth-signature'] }, body: booth, status: 400 },
    { name: 'salescaling: bearer token', path: '/webhooks/salescaling', headers: { authorization: `Bearer ${ENV.SALESCALING_TOKEN}` }, body: scaling, status: 200,
      json: { kind: 'activity.created', tenant: 'co_9', handled: undefined } },
    { name: 'salescaling: a routed kind', path: '/webhooks/salescaling', headers: { authorization: `Bearer ${ENV.SALESCALING_TOKEN}` }, body: meeting, status: 200,
      json: { kind: 'meeting_status_changed', handled: 'meeting status meeting_notes_done' } },
    { name: 'salescaling: wrong token', path: '/webhooks/salescaling', headers: { authorization: 'Bearer sc_token_abc124' }, body: scaling, status: 401 },
    { name: 'unknown route', path: '/webhooks/nope', headers: {}, body: '{}', status: 404 },
  ];
}

/**
 * Sends every delivery through `send(url, init)` (miniflare's dispatchFetch, or a call of
 * the worker's own `fetch`) and lists what differs from the expected answers.
 */
export async function check(send, now) {
  const failures = [];
  for (const d of await deliveries(now)) {
    const res = await send(`https://hooks.example${d.path}`, { method: 'POST', headers: d.headers, body: d.body });
    const text = await res.text();
    if (res.status !== d.status) {
      failures.push(`${d.name}: status ${res.status}, expected ${d.status} (${text})`);
      continue;
    }
    const got = res.status === 200 ? JSON.parse(text) : {};
    for (const [k, v] of Object.entries(d.json ?? {})) {
      if (got[k] !== v) failures.push(`${d.name}: ${k} = ${JSON.stringify(got[k])}, expected ${JSON.stringify(v)}`);
    }
    if (d.status !== 200 && d.status !== 404 && !JSON.parse(text).error) failures.push(`${d.name}: no error code in ${text}`);
  }
  return failures;
}
