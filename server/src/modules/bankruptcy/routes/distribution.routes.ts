import { z } from 'zod';
import { contentDisposition } from '../../../platform/files/index.js';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { createDistributionPlan, findPlansOfCase, planPdf, presentPlan, readPlan } from '../distribution.service.js';
import { ZFen, ZId, tags } from './schemas.js';

const ZDebt = z.strictObject({ id: z.string().min(1).max(60), label: z.string().trim().min(1).max(200), amountFen: ZFen });

export const ZDistributionPlanRequest = z.strictObject({
  freeEstateFen: ZFen,
  collaterals: z.array(z.strictObject({ collateralId: z.string().min(1).max(100), realizedFen: ZFen, claimIds: z.array(z.string().min(1).max(100)).min(1) })).max(10_000).optional(),
  expenses: z.array(ZDebt).max(1000),
  commonBenefitDebts: z.array(ZDebt).max(1000),
  averageMonthlyWageFen: ZFen.optional(),
  seniorManagers: z.array(z.strictObject({ claimId: z.string().min(1).max(100), months: z.number().int().min(0).max(600) })).max(1000).optional(),
});

/** Distribution plans (EBL Arts. 41–43, 109, 110, 113–119): computed from the register, with a PDF. */
export const distributionRoutes: RoutePlugin = async (app, { db }) => {
  app.post('/cases/:id/distribution-plans', { schema: { tags, summary: '计算分配方案 Compute a distribution plan', params: ZId, body: ZDistributionPlanRequest } }, async (req, reply) => {
    const p = requirePermission(req, PERM.administer);
    const { row, plan, excluded } = await createDistributionPlan(db, p, req.params.id, req.body);
    return reply.code(201).send({ ...presentPlan(row, plan, null), excludedClaimIds: excluded });
  });

  app.get('/cases/:id/distribution-plans', { schema: { tags, summary: '分配方案列表 Plans of a case', params: ZId } }, async (req) => ({ items: await findPlansOfCase(db, requirePrincipal(req), req.params.id) }));

  app.get('/distribution-plans/:id', { schema: { tags, summary: '分配方案（债权人仅见本人分配额）Plan (a creditor sees its own amounts)', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    const { row, plan, officer } = await readPlan(db, p, req.params.id);
    return presentPlan(row, plan, officer ? null : p.organizationId);
  });

  app.get('/distribution-plans/:id/pdf', { schema: { tags, summary: '分配方案 PDF', params: ZId } }, async (req, reply) => {
    const { bytes, sha256, filename } = await planPdf(db, requirePrincipal(req), req.params.id);
    reply.header('content-disposition', contentDisposition(filename, 'inline'));
    if (sha256) reply.header('x-content-sha256', sha256);
    reply.type('application/pdf');
    return reply.send(Buffer.from(bytes));
  });
};
