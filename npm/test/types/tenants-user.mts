// Tenants configs, explain and meter options, as a TypeScript user writes them.
import { Verifier } from 'hookseal';
import { webhook, type TenantsConfig } from 'hookseal/express';
import { verifyRequest, withWebhook } from 'hookseal/fetch';
import { withWebhook as lambda } from 'hookseal/lambda';

const secrets: Record<string, string[]> = { acme: ['whsec_a'] };
const config: TenantsConfig<[req: { params: Record<string, string> }]> = {
  scheme: 'saleslab',
  tenant: (req) => req.params.tenant,
  secrets: async (tenant) => secrets[tenant] ?? null,
  tenantCache: { max: 100, ttl: 60 },
  toleranceSeconds: 300,
};
webhook(config, { explain: false, meter: null });

withWebhook(
  { Verifier, scheme: 'salesbooth', tenant: (request: Request) => request.headers.get('x-tenant'), secrets: (t: string) => secrets[t] },
  async (event) => Response.json({ tenant: event.tenant }),
  { explain: true },
);

type PathEvent = { body?: string | null; pathParameters?: Record<string, string | undefined> | null };
lambda(
  { scheme: 'salesos', tenant: (event: PathEvent) => event.pathParameters?.tenant, secrets: () => ['s'] },
  async (verified, event: PathEvent) => ({ statusCode: 204, body: `${verified.tenant} ${event.body}` }),
);

export async function check(request: Request, verifier: Verifier) {
  try {
    await verifyRequest(request, verifier, { explain: true });
  } catch (e) {
    return e;
  }
}
