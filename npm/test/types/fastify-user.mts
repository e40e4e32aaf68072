// A TypeScript Fastify app with a webhook route beside its own JSON routes.
import Fastify from 'fastify';
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/fastify';
import { MemoryStore } from 'hookseal/stores';

const app = Fastify();
app.register(webhook, {
  verifier: new Verifier('saleslab', { secrets: ['sl_secret'] }),
  url: '/hooks/saleslab',
  store: new MemoryStore(),
  handler: async (request, reply) => {
    const kind: string | null = request.webhook.kind;
    const bytes: number = request.body.length;
    return reply.code(200).send({ kind, bytes });
  },
});
app.get('/other', async (request) => ({ webhook: request.webhook === null }));
// @ts-expect-error: the plugin needs a verifier
app.register(webhook, { url: '/x', handler: async () => null });
