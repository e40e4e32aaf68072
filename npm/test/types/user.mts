// What a TypeScript user writes (ESM): it must compile against the shipped declarations.
import { Verifier, Verified, HooksealError, sign, detect, engine, ERROR_STATUS, type ErrorCode, type Scheme } from 'hookseal';
import { webhook } from 'hookseal/express';
import { verifyRequest, withWebhook, errorResponse } from 'hookseal/fetch';

const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'], toleranceSeconds: 'off', maxBody: 1 << 20 });
const headers: Record<string, string> = sign('salesbooth', 'whsec_test', '{}', { timestamp: 1_700_000_000 });
const event: Verified = verifier.verify(new Uint8Array(2), headers, { now: new Date() });
const kind: string | null = event.kind;
const ts: number | null = event.timestamp;
const key: string = event.idempotencyKey;
const data = event.json<{ event: string }>();
const scheme: Scheme | null = detect(new Headers());
const which: 'native' | 'wasm' = engine;
const status: number = ERROR_STATUS.signature_mismatch;
try {
  verifier.verify('{}', [['x-salesbooth-signature', 'v1=00']]);
} catch (e) {
  if (e instanceof HooksealError) {
    const code: ErrorCode = e.code;
    const body: { error: ErrorCode; message: string } = e.toJSON();
    void [code, body, errorResponse(e)];
  }
}
const mw = webhook(verifier, { now: () => 1_700_000_000 });
const route = withWebhook(verifier, async (v, request: Request) => new Response(v.kind ?? request.url));
const pending: Promise<Verified> = verifyRequest(new Request('https://x.test'), verifier);
// @ts-expect-error: a number is not a secret
new Verifier('saleslab', { secrets: [42] });
// @ts-expect-error: tolerance is spelt toleranceSeconds
new Verifier('salesbooth', { secrets: ['s'], tolerance: 300 });
void [kind, ts, key, data, scheme, which, status, mw, route, pending];

// The stores, and the helpers' store option.
import { MemoryStore, SqliteStore, DEFAULT_LEASE_MS, runOnce, type Claim, type ClaimStore } from 'hookseal/stores';
const store: ClaimStore = new MemoryStore({ maxKeys: 10 });
const outcome: Promise<Claim> = store.claim('saleslab:evt_1', DEFAULT_LEASE_MS);
const deduped = webhook(verifier, { store, ttlMs: 60_000 });
const once = withWebhook(verifier, async () => new Response(null), { store: new SqliteStore({ path: 'claims.db' }) });
const ran: Promise<string> = runOnce(store, event, { handler: () => 'ran', leaseMs: 2000, answer: (a) => a.body });
// @ts-expect-error: a store needs claim and release
webhook(verifier, { store: {} });
void [outcome, deduped, once, ran];
