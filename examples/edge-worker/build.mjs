// Bundles a worker as wrangler does (esbuild, the `workerd` export condition, the
// `.wasm` kept as a separate module that workerd compiles once; `hookseal/wasm` resolves
// through the package's `workerd` export), and starts it in
// workerd through miniflare, offline. Used by this example's test and by the wasm
// benchmark (bindings/wasm/bench), which runs its own worker the same way.
//
//   node build.mjs      writes dist/worker.js (+ the .wasm) from src/worker.js

import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** Bundles `entry` into `outdir`/worker.js; returns `outdir`. */
export async function build(entry = here('./src/worker.js'), outdir = here('./dist')) {
  await esbuild.build({
    entryPoints: { worker: entry },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    loader: { '.wasm': 'copy' },
    logLevel: 'warning',
  });
  return outdir;
}

/**
 * Bundles `entry` and runs it in workerd with `bindings` (env); resolves when ready.
 * `options` are more Miniflare options (serve.mjs passes `port` and `host`).
 */
export async function startWorkerd(entry, outdir, bindings = {}, options = {}) {
  const dist = await build(entry, outdir);
  const mf = new Miniflare({
    modules: true,
    scriptPath: `${dist}/worker.js`,
    modulesRoot: dist,
    modulesRules: [
      { type: 'ESModule', include: ['**/*.js'] },
      { type: 'CompiledWasm', include: ['**/*.wasm'] },
    ],
    compatibilityDate: '2026-04-01',
    bindings,
    ...options,
  });
  try {
    await mf.ready;
  } catch (e) {
    // A worker that fails to load still leaves workerd running: stop it, or the caller
    // (a test's before hook, the demo's serve.mjs) never exits.
    await mf.dispose().catch(() => {});
    throw e;
  }
  return mf;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${await build()}/worker.js`);
}
