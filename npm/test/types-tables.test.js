// The JS declarations are the core's tables: `Scheme` is the scheme table's ids and
// `ErrorCode` the receive contract's codes, in their order; OPTION_NAMES maps onto the
// core's options. When the core adds a scheme or a code, this fails until
// `node scripts/types.mjs` rewrites types/index.d.ts.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DECLARATIONS, declaredUnion, tableUnions, withUnion } from '../scripts/types.mjs';
import { loadEngine } from '../src/load.js';
import { OPTION_NAMES } from '../src/options.js';

const text = readFileSync(DECLARATIONS, 'utf8');
const tables = tableUnions(loadEngine().engine);

for (const [name, members] of Object.entries(tables)) {
  test(`types/index.d.ts: ${name} is the core's table (regenerate: node scripts/types.mjs)`, () => {
    assert.ok(members.length > 0, `the engine's table for ${name} is empty`);
    assert.deepEqual(declaredUnion(text, name), members);
  });
}

test('a scheme added to the table shows up as a difference, and regenerating fixes it', () => {
  const grown = [...tables.Scheme, 'acme'];
  assert.notDeepEqual(declaredUnion(text, 'Scheme'), grown);
  assert.deepEqual(declaredUnion(withUnion(text, 'Scheme', grown), 'Scheme'), grown);
});

test("the JS option names map onto exactly the core's options (the scheme table's, and max_body)", () => {
  const core = new Set(['max_body', ...JSON.parse(loadEngine().engine.schemesTable()).flatMap((s) => s.options)]);
  assert.deepEqual(new Set(Object.values(OPTION_NAMES)), core);
});
