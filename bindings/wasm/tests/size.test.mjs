// The size budget: the shipped `.wasm` is at most 64 KiB gzipped (edge runtimes bill and
// limit by script size, and every cold start compiles it).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

// The receive contract is the core's constant CONTRACT_JSON, so it costs only its bytes.
// 64 KiB until Standard Webhooks v1a and explain: measured 95,237 B gzipped with both
// (65,119 B before them). Ed25519 (curve25519-dalek without precomputed tables, SHA-512)
// is about 9 KB of that; explain's JSON reading (serde_json) and number formatting most of
// the rest (docs/benchmarks/wasm.md). Rounded up to the next KiB.
const BUDGET = 94 * 1024;

for (const target of ['web', 'node']) {
  test(`npm/wasm/${target}: the .wasm fits ${BUDGET / 1024} KiB gzipped`, () => {
    const wasm = readFileSync(new URL(`../../../npm/wasm/${target}/hookseal_wasm_bg.wasm`, import.meta.url));
    const gz = gzipSync(wasm, { level: 9 }).length;
    console.log(`# ${target}: ${wasm.length} B raw, ${gz} B gzipped`);
    assert.ok(gz <= BUDGET, `${gz} B gzipped is over the ${BUDGET} B budget`);
  });
}
