import type { RoutePlugin } from '../../http/context.js';
import { latestCheckpoint } from '../ledger.repository.js';
import { integrateLedger } from '../ledger-sequencer.js';
import { publicRateLimit, tags } from './route-support.js';

/** GET /checkpoint — the latest signed checkpoint, a C2SP signed note (text/plain). Public. */
export const getCheckpointRoute: RoutePlugin = async (app, { db, config }) => {
  app.get(
    '/checkpoint',
    {
      config: publicRateLimit(config.rateLimitPublicPerMinute),
      schema: { tags, summary: '最新签名检查点（C2SP signed note）Latest signed checkpoint', produces: ['text/plain'] },
    },
    async (_req, reply) => {
      let cp = await latestCheckpoint(db);
      if (!cp) {
        await integrateLedger(db, config);
        cp = await latestCheckpoint(db);
      }
      reply.header('cache-control', 'no-cache');
      return reply.type('text/plain; charset=utf-8').send(cp!.signed_note);
    },
  );
};
