// npm/README.md, "Koa": the snippet's app, served and sent deliveries by snippets.test.js.
// --- npm/README.md
import Koa from 'koa';
import { Verifier } from 'hookseal';
import { webhook } from 'hookseal/koa';

const app = new Koa();
const salesos = webhook(new Verifier('salesos', { secrets: [process.env.SALESOS_SECRET] }));
// No body parser before it on this path: the middleware reads the raw body itself.
app.use((ctx, next) =>
  ctx.path === '/hooks/salesos'
    ? salesos(ctx, async () => {
        console.log(ctx.state.webhook.kind);
        ctx.status = 204;
      })
    : next(),
);
// --- end

export { app };
