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

// Every helper's subpath re-exports the error class as a value, so a user catching in a
// handler needs no second import from 'hookseal'.
import { HooksealError as KoaError } from 'hookseal/koa';
import { HooksealError as ExpressError } from 'hookseal/express';
import { HooksealError as FetchError } from 'hookseal/fetch';
import { HooksealError as LambdaError } from 'hookseal/lambda';
import { HooksealError as NextError } from 'hookseal/next';
import { HooksealError as FastifyError } from 'hookseal/fastify';
import { HooksealError as NestError } from 'hookseal/nest';
export function codeOf(e: unknown): string | undefined {
  for (const cls of [KoaError, ExpressError, FetchError, LambdaError, NextError, FastifyError, NestError]) {
    if (e instanceof cls) return e.code;
  }
  return undefined;
}
