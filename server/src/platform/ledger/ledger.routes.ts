import type { RoutePlugin } from '../http/context.js';
import { ensureLedgerKeys } from './ledger-keys.service.js';
import { integrateLedger } from './ledger-sequencer.js';
import { getCheckpointRoute } from './routes/get-checkpoint.js';
import { getPublicKeyRoute } from './routes/get-public-key.js';
import { getLeafHashRoute } from './routes/get-leaf-hash.js';
import { getLeafRoute } from './routes/get-leaf.js';
import { getInclusionProofRoute } from './routes/get-inclusion-proof.js';
import { getConsistencyProofRoute } from './routes/get-consistency-proof.js';
import { getReceiptRoute } from './routes/get-receipt.js';

/**
 * `/api/v1/ledger`. Registering it makes the log's keys on first start (in the database, shared by every
 * process) and signs the first checkpoint, so the checkpoint and key endpoints work from the first request.
 */
export const ledgerRoutes: RoutePlugin = async (app, ctx) => {
  await ensureLedgerKeys(ctx.db, ctx.config);
  await integrateLedger(ctx.db, ctx.config);
  for (const route of [
    getCheckpointRoute,
    getPublicKeyRoute,
    getLeafHashRoute,
    getLeafRoute,
    getInclusionProofRoute,
    getConsistencyProofRoute,
    getReceiptRoute,
  ]) {
    await route(app, ctx);
  }
};
