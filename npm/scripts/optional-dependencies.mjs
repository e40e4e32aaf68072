// `node scripts/optional-dependencies.mjs PACKAGE_JSON`: lists every platform package
// (scripts/platforms.mjs) in PACKAGE_JSON's `optionalDependencies`, at its version, as
// `napi prepublish` does. Run by scripts/release/npm.sh on a staged copy only: the
// checkout's package.json lists none, since no `@hookseal/<platform>` exists for a
// development install (npm ci) to resolve before the first release.

import { readFileSync, writeFileSync } from 'node:fs';
import { packageName, platformManifests } from './platforms.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/optional-dependencies.mjs PACKAGE_JSON');
const pkg = JSON.parse(readFileSync(file, 'utf8'));
pkg.optionalDependencies = {};
for (const [platform, manifest] of Object.entries(platformManifests())) {
  if (manifest.version !== pkg.version) {
    throw new Error(`npm/npm/${platform}/package.json is at ${manifest.version}, hookseal at ${pkg.version}`);
  }
  pkg.optionalDependencies[packageName(platform)] = manifest.version;
}
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log(`${file}: optionalDependencies ${Object.keys(pkg.optionalDependencies).join(', ')}`);
