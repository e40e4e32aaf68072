// The hand-written TypeScript declarations compile for a user's ESM and CommonJS code
// (and reject the mistakes they are meant to catch: see the @ts-expect-error lines).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { here } from './helper.js';

test('types/*.d.ts compile against a user file (tsc --noEmit, nodenext)', () => {
  const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(here, 'types')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
