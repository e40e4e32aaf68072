import type { HooksealError, Verified, Verifier, VerifyOptions } from './index.js';
import type { TenantsConfig, WebhookOptions } from './express.js';

// A value re-export, so `error instanceof HooksealError` works with this subpath's import.
export { HooksealError } from './index.js';

/**
 * The HTTP events of Lambda, structurally (so `@types/aws-lambda` is not needed):
 * API Gateway REST (payload 1.0) and HTTP API (2.0), Function URLs (2.0), ALB targets.
 * `APIGatewayProxyEvent`, `APIGatewayProxyEventV2`, `LambdaFunctionURLEvent` and
 * `ALBEvent` of `@types/aws-lambda` are all one.
 */
export interface LambdaHttpEvent {
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: { [name: string]: string | undefined } | null;
  multiValueHeaders?: { [name: string]: string[] | undefined } | null;
  cookies?: string[];
  version?: string;
  requestContext?: unknown;
}

/** What the wrapper answers a rejected (or de-duplicated) delivery with, in the event's shape. */
export interface LambdaAnswer {
  statusCode: number;
  /** ALB only. */
  statusDescription?: string;
  headers?: { [name: string]: string };
  /** ALB with multi-value headers on, instead of `headers`. */
  multiValueHeaders?: { [name: string]: string[] };
  body: string;
  isBase64Encoded: boolean;
}

/**
 * Verifies the delivery a Lambda HTTP event carries: the exact raw bytes (base64-decoded
 * when `isBase64Encoded`) and its headers in whichever shape the integration gives them.
 * Throws HooksealError.
 *
 * @example
 * const event = verifyEvent(lambdaEvent, verifier);
 */
export declare function verifyEvent(
  event: LambdaHttpEvent,
  verifier: Pick<Verifier, 'verify' | 'maxBody'>,
  options?: VerifyOptions & { explain?: boolean },
): Verified;

/**
 * Wraps a Lambda handler so it runs only for genuine deliveries, as
 * `handler(verified, event, context)`; others get the error's status and
 * `{error, message}` in the integration's response shape. With a `store`, a 2xx result
 * (or, for payload 2.0, a result without `statusCode`) completes the claim; anything
 * else, or a throw, releases it.
 *
 * @example
 * import type { APIGatewayProxyEvent, APIGatewayProxyResult, Handler } from 'aws-lambda';
 * export const handler: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> =
 *   withWebhook(verifier, async (verified, event: APIGatewayProxyEvent) => ({ statusCode: 204, body: '' }));
 */
export declare function withWebhook<Event extends LambdaHttpEvent, Result, Context = unknown>(
  verifier: Pick<Verifier, 'verify' | 'maxBody'> | TenantsConfig<[event: Event, context: Context]>,
  handler: (verified: Verified, event: Event, context: Context) => Result | Promise<Result>,
  options?: WebhookOptions,
): (event: Event, context: Context) => Promise<Result | LambdaAnswer>;
