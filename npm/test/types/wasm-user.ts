// What a TypeScript Worker, Deno or browser project writes: `hookseal/wasm` must carry
// types under each export condition (test/types.test.js compiles this once per condition).
import { Verifier, HooksealError, sign, detect, engine, type Verified, type Scheme } from 'hookseal/wasm';

const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });
const headers: Record<string, string> = sign('salesbooth', 'whsec_test', '{}');
const event: Verified = verifier.verify('{}', headers);
const key: string = event.idempotencyKey;
const scheme: Scheme | null = detect(new Headers(headers));
const which: 'wasm' = engine;
try {
  verifier.verify('{}', {});
} catch (e) {
  if (e instanceof HooksealError) console.log(e.code, e.status);
}
console.log(key, scheme, which);
