import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { buildReceipt } from '../ledger-receipt.service.js';
import { notVisible, tags, ZIndex } from './route-support.js';

/**
 * GET /receipts/{index} — a self-contained receipt (leaf, inclusion proof, signed checkpoint, public keys) for
 * the organizations and users the leaf is visible to; 404 otherwise. Verify offline with tools/verify-receipt.mjs.
 */
export const getReceiptRoute: RoutePlugin = async (app, { db, config }) => {
  app.get(
    '/receipts/:index',
    {
      schema: {
        tags,
        summary: '存证回执 Self-contained receipt',
        params: z.object({ index: ZIndex }),
        response: {
          200: z.object({
            format: z.literal('yingshang-ledger-receipt/v1'),
            leafIndex: z.number().int(),
            leaf: z.string(),
            leafHash: z.string(),
            treeSize: z.number().int(),
            inclusionProof: z.array(z.string()),
            checkpoint: z.string(),
            publicKey: z.string(),
            sm2PublicKey: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => {
      const receipt = await buildReceipt(db, config, req.params.index, req.principal);
      if (!receipt) throw notVisible();
      reply.header('content-disposition', `attachment; filename="ledger-receipt-${receipt.leafIndex}.json"`);
      return receipt;
    },
  );
};
