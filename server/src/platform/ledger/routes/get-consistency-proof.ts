import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { getConsistencyProof } from '../ledger-proof.service.js';
import { asProblem, publicRateLimit, tags, ZSize } from './route-support.js';

/** GET /proof/consistency?from=&to= — RFC 9162 consistency proof (from ≥ 1), hashes base64. Public. */
export const getConsistencyProofRoute: RoutePlugin = async (app, { db, config }) => {
  app.get(
    '/proof/consistency',
    {
      config: publicRateLimit(config.rateLimitPublicPerMinute),
      schema: {
        tags,
        summary: '一致性证明 Consistency proof',
        querystring: z.object({ from: ZSize, to: ZSize.optional().describe('默认为当前树大小 default: current tree size') }),
        response: { 200: z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const p = await asProblem(getConsistencyProof(db, req.query.from, req.query.to));
      return { from: p.from, to: p.to, proof: p.proof.map((h) => h.toString('base64')) };
    },
  );
};
