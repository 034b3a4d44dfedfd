import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { ensureLedgerKeys } from '../ledger-keys.service.js';
import { publicRateLimit, tags } from './route-support.js';

/**
 * GET /public-key — the note verifier key (`<name>+<key id>+<base64 key>`, text/plain): Ed25519 by default,
 * `?algorithm=sm2` for the SM2 co-signature key. Public.
 */
export const getPublicKeyRoute: RoutePlugin = async (app, { db, config }) => {
  app.get(
    '/public-key',
    {
      config: publicRateLimit(config.rateLimitPublicPerMinute),
      schema: {
        tags,
        summary: '检查点验证公钥 Note verifier key of the checkpoints',
        produces: ['text/plain'],
        querystring: z.object({ algorithm: z.enum(['ed25519', 'sm2']).optional() }),
      },
    },
    async (req, reply) => {
      const keys = await ensureLedgerKeys(db, config);
      const key = req.query.algorithm === 'sm2' ? keys.sm2 : keys.ed25519;
      return reply.type('text/plain; charset=utf-8').send(`${key}\n`);
    },
  );
};
