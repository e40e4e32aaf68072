import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HooksealError, Verified, Verifier } from './index.js';
import type { TenantsConfig, WebhookOptions } from './express.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/**
 * Wraps a Next.js Pages Router API route so it runs only for genuine deliveries, as
 * `handler(verified, req, res)` (also `req.webhook`); others are answered with the
 * error's status and `{error, message}`. The route must turn Next's body parser off
 * itself: `export const config = { api: { bodyParser: false } }`; with it on, the answer
 * is `body_already_parsed` saying so.
 *
 * @example
 * // pages/api/hooks/salesbooth.ts
 * export const config = { api: { bodyParser: false } };
 * export default withWebhook(verifier, async (event, req: NextApiRequest, res: NextApiResponse) => {
 *   res.status(200).json({ kind: event.kind });
 * });
 */
export declare function withWebhook<Req extends IncomingMessage, Res extends ServerResponse, Result>(
  verifier: Pick<Verifier, 'verify' | 'maxBody'> | TenantsConfig<[req: any]>,
  handler: (verified: Verified, req: Req & { webhook: Verified }, res: Res) => Result | Promise<Result>,
  options?: WebhookOptions,
): (req: Req, res: Res) => Promise<Result | void>;
