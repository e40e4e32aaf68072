// The per-platform packages (npm/npm/<platform>/package.json, scripts/platforms.mjs) are
// what `napi create-npm-dirs` lays out for package.json's `napi.targets`, named
// `@hookseal/<platform>`, at hookseal's version, with the `os`, `cpu` and `libc` fields
// npm installs them by, each shipping only its addon.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTriple } from '@napi-rs/cli';
import { here } from './helper.js';
import { packageName, platformManifests } from '../scripts/platforms.mjs';

const pkg = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8'));
const manifests = platformManifests();
const LIBC = { gnu: 'glibc', musl: 'musl' };

test('one platform package for each napi target, and no other', () => {
  const platforms = pkg.napi.targets.map((t) => parseTriple(t).platformArchABI).sort();
  assert.deepEqual(Object.keys(manifests), platforms);
});

for (const triple of pkg.napi.targets) {
  const { platformArchABI: platform, platform: os, arch, abi } = parseTriple(triple);
  test(`${packageName(platform)}: name, version, os/cpu/libc, the addon alone`, () => {
    const m = manifests[platform];
    assert.equal(m.name, packageName(platform));
    assert.equal(m.version, pkg.version);
    assert.deepEqual(m.os, [os]);
    assert.deepEqual(m.cpu, [arch]);
    assert.deepEqual(m.libc, os === 'linux' ? [LIBC[abi]] : undefined);
    assert.equal(m.main, `hookseal.${platform}.node`);
    assert.deepEqual(m.files, [m.main]);
    assert.equal(m.license, pkg.license);
  });
}
