import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { HooksealError, Verified, Verifier } from './index.js';
import type { TenantsConfig, WebhookOptions } from './express.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/**
 * A NestJS guard that verifies the route's raw body and sets `req.webhook`; a rejected
 * delivery is answered with its status and `{error, message}`. Create the app with
 * `{ rawBody: true }` (the guard verifies `req.rawBody`, the handler keeps its parsed
 * body) or `{ bodyParser: false }` (the guard reads the body itself, up to `maxBody`).
 *
 * @example
 * @Post('salesbooth')
 * @UseGuards(new WebhookGuard(verifier, { store }))
 * receive(@Req() req: Request & { webhook: Verified }) { return { kind: req.webhook.kind } }
 */
export declare class WebhookGuard implements CanActivate {
  constructor(verifier: Pick<Verifier, 'verify' | 'maxBody'> | TenantsConfig<[req: any]>, options?: WebhookOptions);
  canActivate(context: ExecutionContext): Promise<boolean>;
}

/** The request a guarded handler gets. */
export interface WebhookRequest {
  webhook: Verified;
  rawBody?: Buffer;
}
