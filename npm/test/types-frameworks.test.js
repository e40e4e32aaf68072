// The declarations of the framework helpers compile against each framework's own types
// (test/types/*-user.mts: @types/aws-lambda, Fastify's, Nest's, Next's), under tsc --strict.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { here } from './helper.js';

// next.json skips the check of the libraries' own declarations: Next's need React's
// (@types/react), which an API route never uses.
for (const [project, what] of [['frameworks.json', 'lambda, fastify, koa, nest'], ['next.json', 'next']]) {
  test(`types of hookseal/{${what}} with the frameworks' types (tsc --strict, nodenext)`, () => {
    const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', join(here, 'types', project)], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  });
}
