// examples/edge-worker/README.md's worker, as a Worker module: edge_worker.mjs bundles it
// the way wrangler does and runs it in workerd.

// --- examples/edge-worker/README.md
import { HooksealError, Verifier } from 'hookseal/wasm';
import { verifyRequest, errorResponse } from 'hookseal/fetch';

const verifier = new Verifier('salesbooth', { secrets: ['whsec_new', 'whsec_old'] });

export default {
  async fetch(request) {
    try {
      const event = await verifyRequest(request, verifier); // reads the raw body once
      return Response.json({ kind: event.kind, tenant: event.tenant });
    } catch (err) {
      if (err instanceof HooksealError) return errorResponse(err); // 400 / 401 / 413
      throw err;
    }
  },
};
// --- end
