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

// `hookseal/wasm` under each condition a Worker, Deno or browser build resolves it with
// (bundler resolution: no `node` condition; none at all reaches `default`).
for (const condition of ['workerd', 'worker', 'deno', 'browser', 'default']) {
  test(`hookseal/wasm has types under the ${condition} condition (tsc --strict, bundler)`, () => {
    const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    const args = [tsc, '--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom',
      '--module', 'esnext', '--moduleResolution', 'bundler', '--skipLibCheck', 'false'];
    if (condition !== 'default') args.push('--customConditions', condition);
    try {
      execFileSync(process.execPath, [...args, join(here, 'types', 'wasm-user.ts')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
}
