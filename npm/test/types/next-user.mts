// A TypeScript Pages Router API route, typed by Next's own NextApiRequest/NextApiResponse.
import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next';
import { Verifier } from 'hookseal';
import { withWebhook } from 'hookseal/next';

export const config = { api: { bodyParser: false } };
const verifier = new Verifier('salesbooth', { secrets: ['whsec_test'] });
const route: NextApiHandler<{ kind: string | null }> = withWebhook(
  verifier,
  async (event, req: NextApiRequest, res: NextApiResponse<{ kind: string | null }>) => {
    res.status(200).json({ kind: event.kind ?? (req.query.kind as string) });
  },
  { now: () => 1_700_000_000 },
);
export default route;
