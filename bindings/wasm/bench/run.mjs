// The wasm benchmark: hookseal/wasm against @noble/hashes, WebCrypto and
// standardwebhooks, in Node and in workerd, at 256 B, 1 KiB and 64 KiB, in one run.
//
//   node bindings/wasm/bench/run.mjs [--json results.json] [--doc docs/benchmarks/wasm.md]
//       [--baseline results.json]   (the --json of a HOOKSEAL_WASM_SIMD=0 build: adds the simd128 comparison)
//
// Build first (bash bindings/wasm/build.sh), and `npm install` in bindings/wasm and in
// examples/edge-worker (whose build.mjs runs workers in workerd). Not a test: nothing
// here asserts a time.

import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkerd } from '../../../examples/edge-worker/build.mjs';
import * as hookseal from '../../../npm/wasm/node.js';
import { contenders, repeat, SIZES } from './contenders.js';
import { childPid, processCpuMs, selfCpuMs } from './cpu.js';
import { measure } from './measure.js';
import { markdown } from './report.js';

const { values: args } = parseArgs({ options: { json: { type: 'string' }, doc: { type: 'string' }, baseline: { type: 'string' } } });
const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const NAMES = ['hookseal', 'noble', 'webcrypto', 'hookseal-sw', 'standardwebhooks'];

async function inNode() {
  const bySize = {};
  for (const size of SIZES) bySize[size] = await contenders(hookseal, size);
  return measure(NAMES, SIZES, async (name, size, n) => {
    const t0 = selfCpuMs();
    await repeat(bySize[size][name], n);
    return selfCpuMs() - t0;
  });
}

async function inWorkerd() {
  const mf = await startWorkerd(here('./worker.js'), here('../../../target/wasm-bench'));
  const workerd = childPid('workerd');
  const call = async (name, size, n) => {
    const t0 = processCpuMs(workerd);
    await (await mf.dispatchFetch(`http://bench/?name=${name}&size=${size}&n=${n}`)).text();
    return processCpuMs(workerd) - t0;
  };
  try {
    for (const size of SIZES) await call('hookseal', size, 0); // build the contenders
    let dispatch = Infinity; // the cost of a request that verifies nothing
    for (let i = 0; i < 20; i++) dispatch = Math.min(dispatch, await call('hookseal', SIZES[0], 0));
    return await measure(NAMES, SIZES, async (name, size, n) => Math.max(0, (await call(name, size, n)) - dispatch));
  } finally {
    await mf.dispose();
  }
}

const machine = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  nproc: execSync('nproc').toString().trim(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  workerd: execSync(`${here('../../../examples/edge-worker/node_modules/.bin/workerd')} --version`).toString().trim(),
  simd: process.env.HOOKSEAL_WASM_SIMD !== '0',
  wasm: wasmSize(),
};
/** The shipped `.wasm`'s size, raw and gzipped (level 9), in bytes. */
function wasmSize() {
  const wasm = readFileSync(here('../../../npm/wasm/web/hookseal_wasm_bg.wasm'));
  return { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length };
}

const results = { machine, node: await inNode(), workerd: await inWorkerd() };
if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2));
const baseline = args.baseline ? JSON.parse(readFileSync(args.baseline, 'utf8')) : undefined;
const doc = markdown(results, baseline);
if (args.doc) writeFileSync(args.doc, doc);
console.log(doc);
