// npm/README.md, "NestJS": compiled (esbuild, legacy decorators) and served by
// snippets.test.js, then sent deliveries.
import 'reflect-metadata';

// --- npm/README.md
import { Controller, HttpCode, Module, Post, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Verifier } from 'hookseal';
import { WebhookGuard, type WebhookRequest } from 'hookseal/nest';

const salesbooth = new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_SECRET!] });

@Controller('hooks')
class HooksController {
  @Post('salesbooth')
  @HttpCode(204)
  @UseGuards(new WebhookGuard(salesbooth))
  receive(@Req() req: WebhookRequest) {
    console.log(req.webhook.kind, req.webhook.idempotencyKey);
  }
}

@Module({ controllers: [HooksController] })
class AppModule {}

// rawBody: true keeps the exact bytes for the guard (the app's JSON parser still runs).
const app = await NestFactory.create(AppModule, { rawBody: true });
// --- end

export { app };
