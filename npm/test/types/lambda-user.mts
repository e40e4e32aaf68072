// A TypeScript Lambda handler for each HTTP integration, typed by @types/aws-lambda: the
// wrapper takes AWS's event types and gives back a handler of AWS's `Handler` type.
import type {
  ALBEvent,
  ALBResult,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyResultV2,
  Context,
  Handler,
  LambdaFunctionURLEvent,
  LambdaFunctionURLResult,
} from 'aws-lambda';
import { Verifier, type Verified } from 'hookseal';
import { verifyEvent, withWebhook } from 'hookseal/lambda';
import { MemoryStore } from 'hookseal/stores';

const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });
const store = new MemoryStore();

export const rest: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> = withWebhook(
  verifier,
  async (verified: Verified, event: APIGatewayProxyEvent, context: Context) => ({
    statusCode: 200,
    body: JSON.stringify({ kind: verified.kind, path: event.path, id: context.awsRequestId }),
  }),
  { store },
);

export const http: Handler<APIGatewayProxyEventV2, APIGatewayProxyResultV2> = withWebhook(
  verifier,
  async (verified, event: APIGatewayProxyEventV2) => ({ statusCode: 204, cookies: event.cookies }),
);

export const url: Handler<LambdaFunctionURLEvent, LambdaFunctionURLResult> = withWebhook(
  verifier,
  async (verified, event: LambdaFunctionURLEvent) => ({ statusCode: 200, body: event.rawPath }),
);

export const alb: Handler<ALBEvent, ALBResult> = withWebhook(verifier, (verified, event: ALBEvent) => ({
  statusCode: 200,
  statusDescription: '200 OK',
  body: event.path,
}), { now: () => 1_700_000_000, leaseMs: 30_000 });

export function direct(event: APIGatewayProxyEvent): string | null {
  return verifyEvent(event, verifier, { now: 1_700_000_000 }).eventId;
}

// @ts-expect-error: an SQS event is not an HTTP event
withWebhook(verifier, (verified, event: { Records: unknown[] }) => null);
