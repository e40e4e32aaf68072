// npm/README.md, "Fetch API": the snippet's route handlers given real Requests, as
// Next.js, Hono, Bun and Deno give them: a genuine and a tampered delivery to each.
import assert from 'node:assert/strict';
import { HooksealError, sign } from 'hookseal';

process.env.SALESOS_SECRET ??= 'whsec_npm_readme';

// --- npm/README.md
import { Verifier } from 'hookseal';
import { verifyRequest, withWebhook } from 'hookseal/fetch';

const verifier = new Verifier('salesos', { secrets: [process.env.SALESOS_SECRET] });

// app/api/hooks/salesos/route.js
export async function POST(request) {
  const event = await verifyRequest(request, verifier);   // reads the raw bytes once, stops past maxBody
  return Response.json({ received: event.kind });
}

// or let the helper answer failures with the error's status and JSON:
export const PUT = withWebhook(verifier, async (event) => new Response(null, { status: 204 }));
// --- end

const body = '{"id":"evt_npm_fetch","type":"deal.won","data":{}}';
const headers = sign('salesos', process.env.SALESOS_SECRET, body);
const request = (method, sent = body) =>
  new Request('http://127.0.0.1/api/hooks/salesos', { method, headers, body: sent });
const tampered = body.replace('}', ',"x":1}');

const posted = await POST(request('POST'));
assert.equal(posted.status, 200);
assert.deepEqual(await posted.json(), { received: 'deal.won' });
await assert.rejects(POST(request('POST', tampered)), (e) => e instanceof HooksealError && e.code === 'signature_mismatch');

assert.equal((await PUT(request('PUT'))).status, 204);
const rejected = await PUT(request('PUT', tampered));
assert.equal(rejected.status, 401);
assert.equal((await rejected.json()).error, 'signature_mismatch');
console.log('npm/README.md "Fetch API": ok');
