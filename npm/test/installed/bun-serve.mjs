// The Fetch helper under `Bun.serve`, from the installed package: a signed delivery is
// handled, a tampered one answered with its status. Prints the engine and both answers.
import { Verifier, sign, engine } from 'hookseal';
import { withWebhook } from 'hookseal/fetch';

const verifier = new Verifier('saleslab', { secrets: ['sl_secret'] });
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: withWebhook(verifier, (event) => Response.json({ kind: event.kind, id: event.idempotencyKey })),
});
try {
  const body = '{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}';
  const headers = sign('saleslab', 'sl_secret', body);
  const post = async (b) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/`, { method: 'POST', headers, body: b });
    return [res.status, await res.json()];
  };
  console.log(JSON.stringify({ engine, signed: await post(body), tampered: await post(body.replace('won', 'lost')) }));
} finally {
  server.stop(true);
}
