// `require('hookseal/wasm')` in Node: the CommonJS twin of node.js, over the CommonJS
// build of the JS layer (npm/cjs/, made by `npm run build:cjs`).
const { createApi } = require('../cjs/api.js');
const { HooksealError, ERROR_STATUS } = require('../cjs/errors.js');
const { Verified } = require('../cjs/verified.js');

const api = createApi(require('./engine.cjs'), 'wasm');
module.exports = {
  Verifier: api.Verifier,
  sign: api.sign,
  detect: api.detect,
  engine: api.engine,
  HooksealError,
  ERROR_STATUS,
  Verified,
};
