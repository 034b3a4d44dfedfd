import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { findLeaf } from '../ledger.repository.js';
import { canReadLeaf } from '../ledger-receipt.service.js';
import { notVisible, tags, ZIndex } from './route-support.js';

/** GET /leaves/{index} — the leaf's content, only for the organizations and users it is visible to (404 otherwise). */
export const getLeafRoute: RoutePlugin = async (app, { db }) => {
  app.get(
    '/leaves/:index',
    {
      schema: {
        tags,
        summary: '叶子内容（仅限有权查看者）Leaf content (those allowed only)',
        params: z.object({ index: ZIndex }),
        response: {
          200: z.object({
            leafIndex: z.number().int(),
            leafHash: z.string(),
            leaf: z.string().describe('RFC 8785 canonical JSON: the exact leaf bytes'),
            event: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
    async (req) => {
      const leaf = await findLeaf(db, req.params.index);
      if (!leaf || !canReadLeaf(leaf, req.principal)) throw notVisible();
      return {
        leafIndex: Number(leaf.leaf_index),
        leafHash: leaf.leaf_hash,
        leaf: leaf.canonical_json,
        event: JSON.parse(leaf.canonical_json) as Record<string, unknown>,
      };
    },
  );
};
