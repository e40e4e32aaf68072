// `hookseal/stores` in Node: the stores, with the engine loaded first, so the receive
// contract (the default lease and TTL) is there even when the stores are imported on
// their own (or through `require`, whose module copies are not the `import` ones).

import '../index.js';

export * from './index.js';
