// A TypeScript NestJS controller with a guarded webhook route (legacy decorators, as Nest uses).
import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { Verifier } from 'hookseal';
import { WebhookGuard, type WebhookRequest } from 'hookseal/nest';
import { MemoryStore } from 'hookseal/stores';

const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });

@Controller('hooks')
export class HooksController {
  @Post('salesbooth')
  @HttpCode(200)
  @UseGuards(new WebhookGuard(verifier, { store: new MemoryStore(), leaseMs: 30_000 }))
  receive(@Req() req: WebhookRequest): { kind: string | null } {
    return { kind: req.webhook.kind };
  }
}
// @ts-expect-error: the guard needs a verifier
new WebhookGuard({});
