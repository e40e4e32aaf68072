// Secrets with a rotation window, explain and v1a keys, as a TypeScript user writes them.
import { Verifier, sign, type Explanation, type Finding, type FindingCode, type Secret, type SecretLike, type ErrorCode } from 'hookseal';

const old: Secret = { secret: 'whsec_old', notAfter: new Date('2027-01-31T00:00:00Z') };
const list: SecretLike[] = ['whsec_new', old, { secret: new Uint8Array([1, 2]), notAfter: 1_800_000_000 }, { secret: 's', notAfter: null }];
const rotating = new Verifier('salesbooth', { secrets: list });
const one = new Verifier('salesbooth', { secrets: { secret: 'whsec_old', notAfter: 1_800_000_000 } });
const keys = new Verifier('standard-webhooks', { secrets: ['whpk_MCowBQYDK2VwAyEA', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] });
const signed: Record<string, string> = sign('standard-webhooks', 'whsk_c2VlZA==', '{}', { id: 'msg_1', timestamp: 1_700_000_000 });

const why: Explanation = rotating.explain('{}', signed, { now: 1_700_000_000 });
const ok: boolean = why.ok;
const code: ErrorCode | null = why.code;
const message: string = why.message;
const first: Finding | undefined = why.findings[0];
const findingCode: FindingCode | undefined = first?.code;
const known: FindingCode = 'secret_retired';
const later: FindingCode = 'a_code_the_core_adds_later';
const fromHeaders: Explanation = keys.explain(new Uint8Array(2), new Headers(signed));

// @ts-expect-error: notAfter is a Date or unix seconds, not a string
new Verifier('salesbooth', { secrets: [{ secret: 's', notAfter: '2027-01-31' }] });
// @ts-expect-error: the entry needs its secret
new Verifier('salesbooth', { secrets: [{ notAfter: 1 }] });
// @ts-expect-error: notAfter, not Python's not_after
new Verifier('salesbooth', { secrets: [{ secret: 's', not_after: 1 }] });
// @ts-expect-error: explain takes the body first, as verify does
rotating.explain(signed, '{}');
// @ts-expect-error: the findings are read-only
why.findings.push({ code: 'x', message: 'y' });
void [one, ok, code, message, findingCode, known, later, fromHeaders];
