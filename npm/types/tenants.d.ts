import type { Verifier, VerifierOptions } from './index.js';

/**
 * Secrets per tenant (docs/tenants.md), given to a helper where it takes a verifier:
 * the tenant a request names and a resolver of that tenant's secrets. The rest of the
 * keys are the options of the verifiers it builds (`toleranceSeconds`, `maxBody`, ...).
 * `Req` is what the helper hands over: Express's `[req]`, Koa's `[ctx]`, Fastify's
 * `[request]`, the Fetch `[request, ...rest]`, Lambda's `[event, context]`.
 *
 * @example
 * webhook({
 *   scheme: 'saleslab',
 *   tenant: (req) => req.params.tenant,
 *   secrets: async (tenant) => db.saleslabSecrets(tenant),   // null: 404 unknown_tenant
 * })
 */
export interface TenantsConfig<Req extends unknown[] = any[]> extends Omit<VerifierOptions, 'secrets'> {
  /** The scheme id of every tenant's verifier. */
  scheme: string;
  /** The tenant a request names, from its path or headers (never the body). Empty: 404 unknown_tenant. */
  tenant: (...req: Req) => string | null | undefined;
  /**
   * The tenant's secrets, sync or async. Nothing (null, []): 404 unknown_tenant; a throw
   * or a rejection: 503 secrets_unavailable with Retry-After (not cached). Concurrent
   * misses for one tenant share one call.
   */
  secrets: (
    tenant: string,
    ...req: Req
  ) => VerifierOptions['secrets'] | null | undefined | Promise<VerifierOptions['secrets'] | null | undefined>;
  /** The verifiers' cache: `max` tenants (default 1000), each kept `ttl` seconds (default 300). */
  tenantCache?: { max?: number; ttl?: number };
  /** The engine's Verifier class, for `hookseal/fetch` in an edge runtime (`hookseal/wasm`'s). */
  Verifier?: new (scheme: any, options: VerifierOptions) => Pick<Verifier, 'verify' | 'maxBody'>;
}

/** An OpenTelemetry `Meter` (`@opentelemetry/api`), as far as the helpers use it. */
export interface MeterLike {
  createCounter(name: string, options?: object): { add(value: number, attributes?: object): void };
  createHistogram(name: string, options?: object): { record(value: number, attributes?: object): void };
}

/** The options every helper takes for its diagnosis and its metrics. */
export interface ReceiveOptions {
  /**
   * Adds the core's diagnosis to every rejection (`explanation` in the body,
   * `err.explanation`); default: `HOOKSEAL_EXPLAIN=1` in the environment. Development
   * only: an endpoint that explains its rejections helps a forger (docs/explain.md).
   */
  explain?: boolean;
  /**
   * Records `hookseal.verifications`, `hookseal.verify.duration`,
   * `hookseal.timestamp.skew` and `hookseal.duplicates` (docs/metrics.md). Default: the
   * global provider's meter when `@opentelemetry/api` is installed and a provider is
   * registered; `null`: none.
   */
  meter?: MeterLike | null;
}
