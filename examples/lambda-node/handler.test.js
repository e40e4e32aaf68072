// The handler run locally the way Lambda runs it, with the events AWS sends for a signed
// delivery: HTTP API (payload 2.0) with a text body, REST API (1.0) with the body in
// base64, ALB. No AWS account is reached.
//   npm install && npm test

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sign } from 'hookseal';

const secrets = {
  SALESLAB_SIGNING_SECRET: 'sl_demo',
  SALESOS_WEBHOOK_SECRET: 'whsec_os',
  SALESBOOTH_WEBHOOK_SECRET: 'whsec_sb',
  SALESCALING_TOKEN: 'sc_tok',
};
Object.assign(process.env, secrets);
const { handler } = await import('./handler.js');

const body = JSON.stringify({ event: 'deal.created', id: 'evt_1', tenant_id: 't_1', data: { value: 1200 } });
const headers = sign('salesbooth', secrets.SALESBOOTH_WEBHOOK_SECRET, body);

/** What API Gateway HTTP API (2.0), REST API (1.0) and an ALB hand the function. */
const events = {
  httpApi: (b, h) => ({ version: '2.0', rawPath: '/salesbooth', headers: h, body: b, isBase64Encoded: false, requestContext: { http: { method: 'POST' } } }),
  restApi: (b, h) => ({
    path: '/salesbooth',
    httpMethod: 'POST',
    headers: h,
    multiValueHeaders: Object.fromEntries(Object.entries(h).map(([n, v]) => [n, [v]])),
    body: Buffer.from(b).toString('base64'),
    isBase64Encoded: true,
    requestContext: {},
  }),
  alb: (b, h) => ({ path: '/salesbooth', httpMethod: 'POST', headers: h, body: b, isBase64Encoded: false, requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:…' } } }),
};

for (const [name, make] of Object.entries(events)) {
  test(`${name}: genuine 200 once, then a duplicate; tampered 401; oversize 413`, async () => {
    const delivery = JSON.stringify({ event: 'deal.created', id: `evt_${name}`, data: {} });
    const signed = sign('salesbooth', secrets.SALESBOOTH_WEBHOOK_SECRET, delivery);
    assert.equal((await handler(make(delivery, signed), {})).statusCode, 200);
    const repeat = await handler(make(delivery, signed), {});
    assert.deepEqual([repeat.statusCode, JSON.parse(repeat.body)], [200, { duplicate: true }]);
    const tampered = await handler(make(body.replace('1200', '9999'), headers), {});
    assert.deepEqual([tampered.statusCode, JSON.parse(tampered.body).error], [401, 'signature_mismatch']);
    const big = 'x'.repeat(1024 * 1024 + 1);
    const oversize = await handler(make(big, sign('salesbooth', secrets.SALESBOOTH_WEBHOOK_SECRET, big)), {});
    assert.equal(oversize.statusCode, 413);
  });
}

test('a routed kind is answered by its handler, another kind acknowledged', async () => {
  const routed = await handler(events.httpApi(body, headers), {});
  assert.deepEqual([routed.statusCode, JSON.parse(routed.body)], [200, { received: true, tenant: 't_1' }]);
  const other = JSON.stringify({ event: 'deal.updated', id: 'evt_other', tenant_id: 't_1', data: {} });
  const acked = await handler(events.httpApi(other, sign('salesbooth', secrets.SALESBOOTH_WEBHOOK_SECRET, other)), {});
  assert.deepEqual([acked.statusCode, JSON.parse(acked.body)], [200, { received: true }]);
});

test('a verified body that is not JSON is 400 invalid_payload, not a crash', async () => {
  const text = 'not json';
  const answer = await handler(events.httpApi(text, sign('salesbooth', secrets.SALESBOOTH_WEBHOOK_SECRET, text)), {});
  assert.deepEqual([answer.statusCode, JSON.parse(answer.body).error], [400, 'invalid_payload']);
});
