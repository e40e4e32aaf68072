// Runs test/deno-check.js in Deno (the npm package `deno`), when it is installed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('..', import.meta.url));
const deno = `${root}node_modules/.bin/deno`;

test('deno: every delivery gets the answer of the receive contract (docs/receiving.md)', { skip: !existsSync(deno) && 'deno is not installed' }, () => {
  const run = spawnSync(deno, ['run', '--allow-read', '--config', 'test/deno.json', 'test/deno-check.js'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
});
