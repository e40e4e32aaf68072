// README.md, "Node": the Express snippet, served and sent a genuine and a tampered delivery.
import express from 'express';
import { checkReceiver } from './check.mjs';

process.env.SALESBOOTH_SECRET ??= 'whsec_readme_demo';
const app = express();

// --- README.md
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/express';

const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });
// No body parser on this route: the helper reads the raw body itself, up to verifier.maxBody.
app.post('/hooks/salesbooth', webhook(verifier), (req, res) => {
  console.log(req.webhook.kind, req.webhook.idempotencyKey);
  res.sendStatus(204);
});
// --- end

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
try {
  const url = `http://127.0.0.1:${server.address().port}/hooks/salesbooth`;
  await checkReceiver(url, 'salesbooth', process.env.SALESBOOTH_SECRET, '{"event":"deal.created","id":"evt_1"}');
  console.log('README.md Node snippet: ok');
} finally {
  server.close();
}
