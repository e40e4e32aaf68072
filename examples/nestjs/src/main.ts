// A NestJS receiver for the four seed providers, one route each, each guarded by
// hookseal's WebhookGuard: it verifies the raw body Nest keeps (`rawBody: true`) and
// answers 401/400/413 itself; the handler only sees genuine deliveries, as req.webhook.
// Each runs once: the guard claims it in a store with a lease, the handler's 2xx marks it
// done (a repeat is answered 200 {"duplicate": true}), anything else releases it for the
// provider's retry (docs/receiving.md). Each provider's events are routed by kind, typed
// from its schema (hookseal/events).
//
//   npm install && npm run build
//   SALESLAB_SIGNING_SECRET=… SALESOS_WEBHOOK_SECRET=… SALESBOOTH_WEBHOOK_SECRET=… \
//   SALESCALING_TOKEN=… PORT=3000 node dist/main.js

import 'reflect-metadata';
import { Controller, HttpCode, HttpException, Module, Post, Req, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HooksealError, Verifier, type Verified } from 'hookseal';
import { createRouter } from 'hookseal/events';
import { WebhookGuard, type WebhookRequest } from 'hookseal/nest';
import { MemoryStore } from 'hookseal/stores';

// One verifier per provider, built once at start-up (the secret exactly as the provider shows it).
const verifiers = {
  saleslab: new Verifier('saleslab', { secrets: [process.env.SALESLAB_SIGNING_SECRET!] }),
  salesos: new Verifier('salesos', { secrets: [process.env.SALESOS_WEBHOOK_SECRET!] }),
  salesbooth: new Verifier('salesbooth', { secrets: [process.env.SALESBOOTH_WEBHOOK_SECRET!] }),
  // Salescaling sends a token in a header you configure (here `Authorization: Bearer …`).
  salescaling: new Verifier('salescaling', { secrets: [process.env.SALESCALING_TOKEN!] }),
};

// What each provider's events do here: one route per kind, the event typed for it; a
// kind with no route is acknowledged, 200 {"received": true}.
const routers = {
  saleslab: createRouter('saleslab').on('session.completed', (event) => {
    console.log(`saleslab session ${event.payload.session.id} ended at ${event.payload.session.ended_at}`);
  }),
  salesos: createRouter('salesos').on('deal.won', (event) => {
    console.log(`salesos deal ${event.payload.data.name ?? event.payload.data.id} won: ${event.payload.data.value}`);
  }),
  salesbooth: createRouter('salesbooth').on('deal.created', (event) => {
    console.log(`salesbooth deal created for tenant ${event.payload.tenant_id}`);
  }),
  salescaling: createRouter('salescaling').on('meeting_status_changed', (event) => {
    console.log(`salescaling meeting status: ${event.payload.status ?? '-'}`);
  }),
};
for (const router of Object.values(routers)) {
  router.otherwise((event, verified) => console.log(`${router.provider} ${event.kind} ${verified.eventId ?? '-'}`));
}

// Where claims are kept. In production: SqliteStore, RedisStore or PostgresStore, so that
// they survive a restart and are shared between instances.
const store = new MemoryStore();

/** A provider's router, as `route` calls it. */
type Dispatcher = { dispatch(verified: Verified, ...context: unknown[]): Promise<unknown> };

/** The router's plain form: what the kind's handler returned, or {received: true}. */
async function route(router: Dispatcher, req: WebhookRequest) {
  try {
    return await router.dispatch(req.webhook, req);
  } catch (e) {
    // A verified body that is not JSON: 400 invalid_payload, and the claim released.
    if (e instanceof HooksealError) throw new HttpException(e.toJSON(), e.status);
    throw e;
  }
}

@Controller()
class WebhooksController {
  @Post('saleslab')
  @HttpCode(200)
  @UseGuards(new WebhookGuard(verifiers.saleslab, { store }))
  saleslab(@Req() req: WebhookRequest) {
    return route(routers.saleslab, req);
  }

  @Post('salesos')
  @HttpCode(200)
  @UseGuards(new WebhookGuard(verifiers.salesos, { store }))
  salesos(@Req() req: WebhookRequest) {
    return route(routers.salesos, req);
  }

  @Post('salesbooth')
  @HttpCode(200)
  @UseGuards(new WebhookGuard(verifiers.salesbooth, { store }))
  salesbooth(@Req() req: WebhookRequest) {
    return route(routers.salesbooth, req);
  }

  @Post('salescaling')
  @HttpCode(200)
  @UseGuards(new WebhookGuard(verifiers.salescaling, { store }))
  salescaling(@Req() req: WebhookRequest) {
    return route(routers.salescaling, req);
  }
}

@Module({ controllers: [WebhooksController] })
class AppModule {}

// rawBody: true keeps the exact signed bytes for the guard (Nest's JSON parser still runs);
// the parser gets the verifiers' limit, so a delivery up to 1 MiB reaches the guard.
const app = await NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true });
app.useBodyParser('json', { limit: verifiers.saleslab.maxBody });
const port = Number(process.env.PORT ?? 3000);
await app.listen(port, '127.0.0.1');
console.log(`listening on http://127.0.0.1:${port}`);
