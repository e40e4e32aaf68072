// Preloaded with --require: @opentelemetry/api resolves as if it were not installed, for
// require (what the helpers use) and import alike.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function hidden(request, ...rest) {
  if (request === '@opentelemetry/api' || request.startsWith('@opentelemetry/api/')) {
    const err = new Error(`Cannot find module '${request}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return resolve.call(this, request, ...rest);
};
if (Module.register) {
  const hook = `export async function resolve(s, c, next) {
    if (s === '@opentelemetry/api') throw Object.assign(new Error('not installed'), { code: 'ERR_MODULE_NOT_FOUND' });
    return next(s, c);
  }`;
  Module.register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
