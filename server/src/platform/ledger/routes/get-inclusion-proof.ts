import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { getInclusionProof } from '../ledger-proof.service.js';
import { asProblem, publicRateLimit, tags, ZIndex, ZSize } from './route-support.js';

/** GET /proof/inclusion?index=&size= — RFC 9162 inclusion proof, hashes base64, bottom-up. Public. */
export const getInclusionProofRoute: RoutePlugin = async (app, { db, config }) => {
  app.get(
    '/proof/inclusion',
    {
      config: publicRateLimit(config.rateLimitPublicPerMinute),
      schema: {
        tags,
        summary: '包含证明 Inclusion proof',
        querystring: z.object({ index: ZIndex, size: ZSize.optional().describe('默认为当前树大小 default: current tree size') }),
        response: {
          200: z.object({ leafIndex: z.number().int(), treeSize: z.number().int(), leafHash: z.string(), proof: z.array(z.string()) }),
        },
      },
    },
    async (req) => {
      const p = await asProblem(getInclusionProof(db, req.query.index, req.query.size));
      return { leafIndex: p.leafIndex, treeSize: p.treeSize, leafHash: p.leafHash.toString('base64'), proof: p.proof.map((h) => h.toString('base64')) };
    },
  );
};
