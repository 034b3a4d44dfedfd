import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { answerInvestigation, assetOverview, presentAuction, recordAuctionResult, registerAsset, requestInvestigation, scheduleAuction } from '../asset.service.js';
import { ZDate, ZFen, ZId, tags } from './schemas.js';

const ZAssetType = z.enum(['realEstate', 'vehicle', 'deposit', 'equity', 'equipment', 'inventory', 'receivable', 'intellectualProperty', 'other']);

/** Assets: register, investigations with departments, auctions and premium rates. */
export const assetRoutes: RoutePlugin = async (app, { db }) => {
  app.get('/cases/:id/assets', { schema: { tags, summary: '财产与处置 Assets, investigations and auctions', params: ZId } }, async (req) => assetOverview(db, requirePrincipal(req), req.params.id));

  app.post('/cases/:id/assets', {
    schema: { tags, summary: '登记财产 Register an asset', params: ZId, body: z.strictObject({ assetType: ZAssetType, name: z.string().trim().min(1).max(300), valuationFen: ZFen }) },
  }, async (req, reply) => reply.code(201).send(await registerAsset(db, requirePermission(req, PERM.administer), req.params.id, req.body)));

  app.post('/cases/:id/investigations', {
    schema: { tags, summary: '财产查询请求 Ask a department about assets', params: ZId, body: z.strictObject({ department: z.enum(['realEstate', 'vehicles', 'deposits', 'equity']), requestText: z.string().trim().min(2).max(2000) }) },
  }, async (req, reply) => reply.code(201).send(await requestInvestigation(db, requirePermission(req, PERM.administer), req.params.id, req.body)));

  app.post('/investigations/:id/answer', {
    schema: { tags, summary: '登记查询答复 Record the department’s answer', params: ZId, body: z.strictObject({ answerText: z.string().trim().min(1).max(5000) }) },
  }, async (req) => answerInvestigation(db, requirePermission(req, PERM.administer), req.params.id, req.body));

  app.post('/assets/:id/auctions', {
    schema: { tags, summary: '安排拍卖 Schedule an auction', params: ZId, body: z.strictObject({ startPriceFen: ZFen, auctionOn: ZDate }) },
  }, async (req, reply) => reply.code(201).send(presentAuction(await scheduleAuction(db, requirePermission(req, PERM.administer), req.params.id, req.body))));

  app.post('/auctions/:id/result', {
    schema: { tags, summary: '登记拍卖结果 Record the auction result', params: ZId, body: z.strictObject({ sold: z.boolean(), salePriceFen: ZFen.optional() }) },
  }, async (req) => presentAuction(await recordAuctionResult(db, requirePermission(req, PERM.administer), req.params.id, req.body)));
};
