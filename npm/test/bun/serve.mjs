// Run by bun.test.js under Bun: the Fetch helper as a `Bun.serve` handler, with a store
// (npm/README.md, "Bun"). Prints `{"port": N}` once listening, and stops when its stdin closes.
// --- npm/README.md
import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';

const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });
const handle = withWebhook(verifier, (event) => Response.json({ kind: event.kind, id: event.eventId, bun: Bun.version }), {
  store: new MemoryStore(),
});
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: handle });
// --- end

console.log(JSON.stringify({ port: server.port }));
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  server.stop(true);
  process.exit(0);
});
