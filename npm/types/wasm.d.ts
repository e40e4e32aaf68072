// `hookseal/wasm`, in every runtime (workerd, Deno, browsers, Node): the API of `hookseal`
// over the WebAssembly engine.
export * from './index.js';

/** Always the WebAssembly engine here. */
export declare const engine: 'wasm';
