// The wasm engine for Node, loaded synchronously (`require`): the `nodejs` glue of
// bindings/wasm, which implements npm/src/engine.d.ts ({Verifier, sign, detect}).
// The main `hookseal` entry falls back to it when the native addon does not load.
module.exports = require('./node/hookseal_wasm.js');
