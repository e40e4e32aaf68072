// What a TypeScript user of hookseal/events writes: it must compile under --strict, and
// the @ts-expect-error lines are the mistakes the types exist to catch.
import { Verifier, HooksealError, type Verified } from 'hookseal';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';
import {
  createRouter,
  eventKinds,
  validateEvent,
  PROVIDERS,
  type EventOf,
  type SalesOSDealWon,
  type SalesOSEvent,
  type SalesLabKind,
  type UnknownEvent,
  type Provider,
} from 'hookseal/events';

// verify() keeps the scheme, so event() is that provider's union (plus the generic form).
const verifier = new Verifier('salesos', { secrets: ['whsec_x'] });
const verified: Verified<'salesos'> = verifier.verify('{}', {});
const event: EventOf<'salesos'> = verified.event({ validate: true });
switch (event.kind) {
  case 'deal.won': {
    const won: SalesOSDealWon = event.payload;
    const value: number | undefined = event.payload.data.value;
    const extra: unknown = event.payload.data['not_in_the_document'];
    void [won, value, extra];
    break;
  }
  case 'lead.created': {
    const data: { [field: string]: unknown } = event.payload.data;
    void data;
    break;
  }
  // @ts-expect-error: a misspelt kind is no SalesOS kind
  case 'deal.wom':
    break;
  default: {
    // The known kinds this switch did not name, and the generic form:
    const known: SalesOSEvent | UnknownEvent = event;
    const kind: string = `${event.kind}`;
    void [known, kind];
  }
}
if (event.kind === 'deal.lost') {
  // @ts-expect-error: a deal's value is a number
  const s: string = event.payload.data.value;
  void s;
}

// Any verifier: the union of every provider's events.
const anyVerified: Verified = verifier.verify('{}', {});
const anyEvent: EventOf = anyVerified.event();
if (anyEvent.kind === 'session.completed') {
  const sessionId: string = anyEvent.payload.session.id;
  void sessionId;
}
// A scheme without schemas: only the generic form.
const stripeEvent: UnknownEvent = new Verifier('stripe', { secrets: ['whsec_s'] }).verify('{}', {}).event();
void stripeEvent;

// The router: each handler's event is its kind's.
const store = new MemoryStore();
const router = createRouter('salesos', { validate: true })
  .on('deal.won', (e, v) => {
    const value: number | undefined = e.payload.data.value;
    const id: string = e.payload.id;
    const key: string = v.idempotencyKey;
    void [value, id, key];
  })
  .on('lead.converted', async (e) => Response.json({ converted: e.payload.data }))
  .otherwise((e) => {
    const k: string | null = e.kind === null ? null : String(e.kind);
    void k;
  });
// @ts-expect-error: a misspelt kind
router.on('deal.wom', () => {});
// @ts-expect-error: deal.won's payload is not a lead's
router.on('deal.won', (e: { kind: 'lead.created' }) => void e);
router.on('user.created', () => ({ welcomed: true }));
// @ts-expect-error: stripe has no schemas
createRouter('stripe');

createRouter('saleslab').on('wage_index.published', (e) => {
  const median: number = e.payload.median_score;
  void median;
});
createRouter('salescaling').on('commercial_signal_detected', (e) => {
  const code: string | undefined = e.payload.code;
  // @ts-expect-error: not a signal code the document lists
  const wrong: typeof e.payload.code = 'made_up_code';
  void [code, wrong];
});
createRouter('salesbooth').on('deal.created', (e) => {
  const tenant: string = e.payload.tenant_id;
  void tenant;
});

// As the Express and Fetch helpers' handler.
declare const app: { post(path: string, ...handlers: Array<(req: any, res: any, next: (err?: unknown) => void) => void>): void };
app.post('/hooks/salesos', webhook(verifier, { store }), router.express);
const POST: (request: Request) => Promise<Response> = withWebhook(verifier, router.fetch, { store });
const ran: Promise<unknown> = router.dispatch(verified);
void [POST, ran];

const kinds: SalesLabKind[] = eventKinds('saleslab');
const providers: readonly Provider[] = PROVIDERS;
const checked: SalesOSEvent | UnknownEvent = validateEvent('salesos', event);
try {
  verified.event({ validate: true });
} catch (e) {
  if (e instanceof HooksealError && e.code === 'invalid_payload') console.log(e.path);
}
void [kinds, providers, checked];
