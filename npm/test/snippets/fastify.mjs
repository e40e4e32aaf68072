// npm/README.md, "Fastify": the snippet's app, served and sent deliveries by snippets.test.js.
// --- npm/README.md
import Fastify from 'fastify';
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/fastify';

const app = Fastify();
// The plugin declares the route in its own scope, with a raw-body parser for it only:
// the rest of the app keeps Fastify's JSON parser.
app.register(webhook, {
  verifier: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SECRET] }),
  url: '/hooks/saleslab',
  handler: async (request, reply) => {
    console.log(request.webhook.kind, request.webhook.eventId);
    return reply.code(204).send();
  },
});
// --- end

export { app };
