// One version, stamped from the workspace Cargo.toml: the npm manifest must not drift.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { here } from './helper.js';

test('npm/package.json version is the workspace version', () => {
  const cargo = readFileSync(join(here, '..', '..', 'Cargo.toml'), 'utf8');
  const section = cargo.slice(cargo.indexOf('[workspace.package]'));
  const version = /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
  const pkg = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8'));
  assert.ok(version, 'no [workspace.package] version in Cargo.toml');
  assert.equal(pkg.version, version);
});
