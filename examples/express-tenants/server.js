// A SaaS receiving SalesLab deliveries for many customers: one secret per customer,
// chosen by the URL (/hooks/saleslab/:tenant), looked up per request and cached per
// tenant (docs/tenants.md), with verification metrics through OpenTelemetry
// (docs/metrics.md). `node server.js` serves it; test.js sends it deliveries.
import express from 'express';
import { webhook } from 'hookseal/express';

// The customers' secrets, as the app stores them (a database table in production).
export const SECRETS = {
  acme: [process.env.ACME_SALESLAB_SECRET ?? 'sl_acme_example'],
  globex: [
    // Rotating: the old secret verifies until its notAfter, the new one already does.
    { secret: 'sl_globex_old', notAfter: new Date('2031-01-01T00:00:00Z') },
    'sl_globex_new',
  ],
};

/** The app; `meter` (an OpenTelemetry Meter) is optional, see metrics.js. */
export function createApp({ meter } = {}) {
  const app = express();
  app.post(
    '/hooks/saleslab/:tenant',
    webhook(
      {
        scheme: 'saleslab',
        // From the path or a header, never the body: it is not verified yet.
        tenant: (req) => req.params.tenant,
        // Sync or async; null (or []) for a tenant you do not know: 404 unknown_tenant.
        // A throw is 503 secrets_unavailable with Retry-After, and the provider retries.
        secrets: async (tenant) => SECRETS[tenant] ?? null,
        // The defaults: up to 1000 tenants' verifiers, each kept 300 s.
        tenantCache: { max: 1000, ttl: 300 },
      },
      { meter },
    ),
    (req, res) => {
      console.log(req.webhook.tenant, req.webhook.kind, req.webhook.eventId);
      res.sendStatus(204);
    },
  );
  return app;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const port = Number(process.env.PORT ?? 3000);
  createApp().listen(port, () => console.log(`listening on :${port}`));
}
