// The benchmark inside workerd: `GET /?name=<contender>&size=<bytes>&n=<runs>` runs one
// contender n times and answers when done. Timed from outside (workerd's own clocks do
// not advance during a request without I/O, by design).

import * as hookseal from '../../../npm/wasm/workerd.js';
import { contenders, repeat } from './contenders.js';

const bySize = new Map();

export default {
  async fetch(request) {
    const q = new URL(request.url).searchParams;
    const size = Number(q.get('size'));
    if (!bySize.has(size)) bySize.set(size, await contenders(hookseal, size));
    const n = Number(q.get('n'));
    if (n > 0) await repeat(bySize.get(size)[q.get('name')], n);
    return new Response('ok');
  },
};
