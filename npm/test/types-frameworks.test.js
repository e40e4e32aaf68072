// The declarations of the framework helpers compile against each framework's own types
// (test/types/*-user.mts: @types/aws-lambda, Fastify's, Nest's), under tsc --strict.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { here } from './helper.js';

test('types of hookseal/{lambda,fastify,koa,nest,next} with the frameworks\' types (tsc --strict, nodenext)', () => {
  const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(here, 'types', 'frameworks.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
