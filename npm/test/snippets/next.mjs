// npm/README.md, "Next.js Pages Router": the snippet's API route, run by snippets.test.js
// through Next's own API resolver.
// --- npm/README.md
// pages/api/hooks/salesbooth.js
import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/next';

const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });

// Next parses the body unless the route turns its parser off, in this file:
export const config = { api: { bodyParser: false } };

export default withWebhook(verifier, async (event, req, res) => {
  console.log(event.kind, event.idempotencyKey);
  res.status(204).end();
});
// --- end
