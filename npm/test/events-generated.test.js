// The generated typed events (types/events-*.d.ts, src/events-schemas.js) are what
// core/events/ gives: `node scripts/events.mjs --check` fails while they differ.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { generated, readSchemas } from '../scripts/events.mjs';
import { here } from './helper.js';

test('the generated types and schemas match core/events/ (regenerate: node scripts/events.mjs)', () => {
  try {
    execFileSync(process.execPath, [join(here, '..', 'scripts', 'events.mjs'), '--check'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`${e.stdout}${e.stderr}`);
  }
});

test('a schema changed in core/events/ shows up as a difference', () => {
  const schemas = readSchemas();
  const before = generated(schemas);
  const salesos = schemas.find((s) => s['x-provider'] === 'salesos');
  salesos['x-events'].push({ kind: 'deal.reopened', type: 'DealWon', summary: 'A closed deal is reopened.' });
  const after = generated(schemas);
  assert.notEqual(after['types/events-salesos.d.ts'], before['types/events-salesos.d.ts']);
  assert.match(after['types/events-salesos.d.ts'], /\| \{ kind: 'deal\.reopened'; payload: SalesOSDealWon \}/);
  assert.notEqual(after['src/events-schemas.js'], before['src/events-schemas.js']);
});

test('a keyword the validator does not know is refused, not silently skipped', () => {
  const schemas = readSchemas();
  schemas[0].$defs[schemas[0]['x-events'][0].type].minProperties = 1;
  assert.throws(() => generated(schemas), /the keyword minProperties is not one the validator knows/);
});
