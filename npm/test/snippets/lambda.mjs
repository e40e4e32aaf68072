// npm/README.md, "AWS Lambda": the snippet's handler, invoked by snippets.test.js with
// API Gateway events.
// --- npm/README.md
import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/lambda';
import { MemoryStore } from 'hookseal/stores';

const verifier = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET] });

// API Gateway (REST or HTTP API), a Function URL or an ALB: the same handler.
export const handler = withWebhook(
  verifier,
  async (event) => {
    console.log(event.kind, event.idempotencyKey);
    return { statusCode: 204, body: '' };
  },
  { store: new MemoryStore() }, // one instance's memory: share RedisStore or PostgresStore in production
);
// --- end
