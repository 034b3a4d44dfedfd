import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { findLeafHash, readTree } from '../ledger.repository.js';
import { notVisible, publicRateLimit, tags, ZIndex } from './route-support.js';

/** GET /leaves/{index}/hash — a leaf's hash (public: it reveals nothing, leaves carry a random nonce). */
export const getLeafHashRoute: RoutePlugin = async (app, { db, config }) => {
  app.get(
    '/leaves/:index/hash',
    {
      config: publicRateLimit(config.rateLimitPublicPerMinute),
      schema: {
        tags,
        summary: '叶子哈希（公开）Leaf hash (public)',
        params: z.object({ index: ZIndex }),
        response: { 200: z.object({ leafIndex: z.number().int(), leafHash: z.string(), integrated: z.boolean() }) },
      },
    },
    async (req) => {
      const leafHash = await findLeafHash(db, req.params.index);
      if (!leafHash) throw notVisible();
      const tree = await readTree(db);
      return { leafIndex: req.params.index, leafHash, integrated: req.params.index < tree.tree_size };
    },
  );
};
