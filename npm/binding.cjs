'use strict';
// Loads the native addon built by `npm run build:native` (napi build --platform):
// `hookseal.<platform>-<arch>[-<abi>].node` beside this file. Throws when there is
// none for this platform; the main entry then falls back to the wasm engine.

const { join } = require('node:path');

function isMusl() {
  if (process.platform !== 'linux') return false;
  const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
  return !report?.header?.glibcVersionRuntime;
}

function abiSuffix() {
  if (process.platform === 'linux') return isMusl() ? '-musl' : '-gnu';
  if (process.platform === 'win32') return '-msvc';
  return '';
}

const file = `hookseal.${process.platform}-${process.arch}${abiSuffix()}.node`;
module.exports = require(join(__dirname, file));
