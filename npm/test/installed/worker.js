// A Cloudflare Worker as a user writes it: hookseal/wasm (the `workerd` export) and the
// Fetch helper; workerd.mjs bundles it with esbuild and runs it in workerd.
import { Verifier } from 'hookseal/wasm';
import { withWebhook } from 'hookseal/fetch';

const verifier = new Verifier('saleslab', { secrets: ['sl_secret'] });
const handle = withWebhook(verifier, (event) => Response.json({ kind: event.kind, id: event.idempotencyKey }));

export default {
  fetch: (request) => handle(request),
};
