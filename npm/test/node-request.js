// A Fetch Request for a Node request, as @hono/node-server makes it: the headers from
// rawHeaders (Headers.append joins repeats with ", "), the body streamed, not buffered.

import { Readable } from 'node:stream';

export function toRequest(req) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  return new Request(`http://127.0.0.1${req.url}`, {
    method: req.method,
    headers,
    body: Readable.toWeb(req),
    duplex: 'half',
  });
}
