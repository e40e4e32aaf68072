// The order the loader finds an engine in (binding.cjs, src/load.js): the platform
// package `@hookseal/<platform>`, then a locally built addon, then the wasm engine. Each
// case lays out a project in a temporary folder: a copy of this package (without the
// addon) in node_modules/hookseal, and the addon where that case puts it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { here } from './helper.js';
import { packageName, PLATFORMS_DIR } from '../scripts/platforms.mjs';

const pkgDir = join(here, '..');
const addon = readdirSync(pkgDir).find((f) => /^hookseal\..*\.node$/.test(f));
const platform = addon?.slice('hookseal.'.length, -'.node'.length);
const work = mkdtempSync(join(tmpdir(), 'hookseal-load-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A project with hookseal installed; the addon as the platform package and/or locally. */
function project(name, { platformPackage, local }) {
  const dir = join(work, name);
  const installed = join(dir, 'node_modules', 'hookseal');
  for (const entry of ['package.json', 'binding.cjs', 'src', 'cjs', 'wasm']) {
    cpSync(join(pkgDir, entry), join(installed, entry), { recursive: true });
  }
  if (local) cpSync(join(pkgDir, addon), join(installed, addon));
  if (platformPackage) {
    const at = join(dir, 'node_modules', packageName(platform));
    mkdirSync(at, { recursive: true });
    cpSync(join(PLATFORMS_DIR, platform, 'package.json'), join(at, 'package.json'));
    cpSync(join(pkgDir, addon), join(at, addon));
  }
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(
    join(dir, 'which.js'),
    `import { engine } from 'hookseal';
const { loadEngine } = await import('./node_modules/hookseal/src/load.js');
console.log(JSON.stringify({ engine, from: loadEngine().from }));`,
  );
  const env = { ...process.env };
  delete env.HOOKSEAL_ENGINE;
  return JSON.parse(execFileSync(process.execPath, ['which.js'], { cwd: dir, env, encoding: 'utf8' }));
}

const noWasm = !existsSync(join(pkgDir, 'wasm', 'node', 'hookseal_wasm_bg.wasm')) && 'no wasm engine built (scripts/ci/wasm.sh)';
const skip = (!addon && 'no local addon built (npm run build)') || noWasm;

test('the platform package comes first, even beside a local build', { skip }, () => {
  assert.deepEqual(project('both', { platformPackage: true, local: true }), { engine: 'native', from: packageName(platform) });
  assert.deepEqual(project('package', { platformPackage: true }), { engine: 'native', from: packageName(platform) });
});

test('without the platform package, the local build (development)', { skip }, () => {
  const got = project('local', { local: true });
  assert.equal(got.engine, 'native');
  assert.ok(got.from.endsWith(join('node_modules', 'hookseal', addon)), got.from);
});

test('with neither, the wasm engine inside the package', { skip: noWasm }, () => {
  assert.deepEqual(project('none', {}), { engine: 'wasm', from: 'hookseal/wasm' });
});
