// A TypeScript Koa middleware chain (Koa's own types are @types/koa, not installed here:
// the declarations are structural).
import { Verifier } from 'hookseal';
import { webhook, type KoaContextLike } from 'hookseal/koa';
import { MemoryStore } from 'hookseal/stores';

const hooks = webhook(new Verifier('salesos', { secrets: ['whsec_os'] }), { store: new MemoryStore(), now: () => 1_700_000_000 });
export async function route(ctx: KoaContextLike): Promise<void> {
  await hooks(ctx, async () => {
    ctx.status = 204;
    const kind: string | null | undefined = ctx.state.webhook?.kind;
    void kind;
  });
}
// @ts-expect-error: the middleware needs a verifier
webhook({ secrets: ['s'] });
