// The native engine's per-platform packages: one committed manifest per folder of npm/npm/
// (the `napi create-npm-dirs` layout), named `@hookseal/<platform>`, each holding the
// addon `hookseal.<platform>.node`. The loader (binding.cjs) and the release script
// (scripts/release/npm.sh, through optional-dependencies.mjs) both follow this layout;
// test/platforms.test.js checks it against package.json's `napi.targets`.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PLATFORMS_DIR = fileURLToPath(new URL('../npm/', import.meta.url));

/** `@hookseal/<platform>` for a napi platform name such as `linux-x64-gnu`. */
export const packageName = (platform) => `@hookseal/${platform}`;

/** Every committed platform manifest, by platform name. */
export function platformManifests() {
  return Object.fromEntries(
    readdirSync(PLATFORMS_DIR)
      .sort()
      .map((platform) => [platform, JSON.parse(readFileSync(`${PLATFORMS_DIR}${platform}/package.json`, 'utf8'))]),
  );
}
