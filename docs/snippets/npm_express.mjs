// npm/README.md, "Express": the snippet's app, served and sent a genuine and a tampered
// delivery; then the route its last comment describes (a raw parser with the verifier's
// limit first), sent a genuine 200 KiB delivery.
import { checkReceiver } from './check.mjs';

process.env.SALESLAB_SECRET ??= 'sl_npm_readme';

// --- npm/README.md
import express from 'express';
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/express';

const app = express();
const saleslab = new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET] });
// No body parser on the route: the middleware reads the raw body itself.
app.post('/hooks/saleslab', webhook(saleslab), (req, res) => {
  console.log(req.webhook.kind, req.webhook.eventId);
  res.sendStatus(204);
});
// If a raw parser must run first, give it the verifier's limit (body-parser's own
// default, 100 kb, would answer a genuine 200 KiB delivery with an HTML 413):
//   app.post('/hooks/x', express.raw({ type: '*/*', limit: saleslab.maxBody }), webhook(saleslab), handler);
// --- end

const handler = (req, res) => res.sendStatus(204);
app.post('/hooks/x', express.raw({ type: '*/*', limit: saleslab.maxBody }), webhook(saleslab), handler);

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
try {
  const base = `http://127.0.0.1:${server.address().port}`;
  const secret = process.env.SALESLAB_SECRET;
  await checkReceiver(`${base}/hooks/saleslab`, 'saleslab', secret, '{"event_kind":"badge.awarded","delivery_id":"d_1"}');
  const large = JSON.stringify({ event_kind: 'badge.awarded', pad: 'x'.repeat(200 * 1024) });
  await checkReceiver(`${base}/hooks/x`, 'saleslab', secret, large);
  console.log('npm/README.md "Express": ok');
} finally {
  server.close();
}
