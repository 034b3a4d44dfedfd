import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { loadCase } from '../case-access.js';
import { presentCase } from '../case.presenter.js';
import { CONVERSION_GROUNDS, acceptCase, convertToLiquidation, endCase, findCasesFor, recordMilestones, registerApplication, rejectApplication } from '../case.service.js';
import { relationsOf } from '../case-access.js';
import { fenField } from '../bankruptcy-problems.js';
import { ZDate, ZFen, ZId, ZPage, ZProcedure, ZVersion, tags } from './schemas.js';

export const ZRegisterApplicationRequest = z.strictObject({
  procedure: ZProcedure,
  applicantName: z.string().trim().min(2).max(200),
  applicantRole: z.enum(['debtor', 'creditor', 'liquidationCommittee']),
  debtorName: z.string().trim().min(2).max(200),
  debtorUscc: z.string().trim().length(18),
  appliedOn: ZDate,
  courtCode: z.string().regex(/^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼](\d{2}|\d{4})?$/),
  disbursementThresholdFen: ZFen.optional(),
});

export const ZMilestonesRequest = z.strictObject({
  version: ZVersion,
  acceptanceAnnouncedOn: ZDate.optional(),
  claimPeriodEndsOn: ZDate.optional(),
  firstMeetingOn: ZDate.optional(),
  reorganizationRuledOn: ZDate.optional(),
  planPeriodExtended: z.boolean().optional(),
  planReceivedOn: ZDate.optional(),
  planPassedOn: ZDate.optional(),
  approvalAppliedOn: ZDate.optional(),
  finalDistributionAnnouncedOn: ZDate.optional(),
});

/** Cases: application, acceptance, milestones and deadlines, conversion, closure. */
export const caseRoutes: RoutePlugin = async (app, { db }) => {
  app.get('/cases', {
    schema: { tags, summary: '破产案件列表 Cases (mine or public)', querystring: z.object({ scope: z.enum(['mine', 'public']).default('mine'), q: z.string().max(100).optional(), ...ZPage }) },
  }, async (req) => {
    const p = requirePrincipal(req);
    const rows = await findCasesFor(db, p, req.query);
    return { items: rows.map((r) => presentCase(r, relationsOf(r, p))) };
  });

  app.post('/cases', { schema: { tags, summary: '登记破产申请 Register an application (court)', body: ZRegisterApplicationRequest } }, async (req, reply) => {
    const p = requirePermission(req, PERM.court);
    const { disbursementThresholdFen, ...rest } = req.body;
    const threshold = disbursementThresholdFen === undefined ? undefined : fenField('body.disbursementThresholdFen', disbursementThresholdFen);
    const row = await registerApplication(db, p, { ...rest, disbursementThresholdFen: threshold });
    return reply.code(201).send(presentCase(row, relationsOf(row, p)));
  });

  app.get('/cases/:id', { schema: { tags, summary: '案件详情与法定期限 Case with its statutory deadlines', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    const { row, relations } = await loadCase(db, p, req.params.id);
    return presentCase(row, relations);
  });

  app.post('/cases/:id/accept', {
    schema: { tags, summary: '裁定受理并指定管理人 Accept and appoint the administrator (EBL Arts. 10, 13)', params: ZId, body: z.strictObject({ acceptedOn: ZDate, administratorOrganizationId: z.string().min(1), version: ZVersion }) },
  }, async (req) => {
    const p = requirePermission(req, PERM.court);
    const row = await acceptCase(db, p, req.params.id, req.body);
    return presentCase(row, relationsOf(row, p));
  });

  app.post('/cases/:id/reject', { schema: { tags, summary: '裁定不予受理 Reject the application', params: ZId, body: z.strictObject({ version: ZVersion }) } }, async (req) => {
    const p = requirePermission(req, PERM.court);
    const row = await rejectApplication(db, p, req.params.id, req.body);
    return presentCase(row, relationsOf(row, p));
  });

  app.post('/cases/:id/milestones', { schema: { tags, summary: '记录案件节点 Record milestones (Art. 45 checked)', params: ZId, body: ZMilestonesRequest } }, async (req) => {
    const p = requirePrincipal(req);
    const row = await recordMilestones(db, p, req.params.id, req.body);
    return presentCase(row, relationsOf(row, p));
  });

  app.post('/cases/:id/convert', {
    schema: {
      tags,
      summary: '转为破产清算 Convert to liquidation (Arts. 78, 79, 88, 93, 99, 104)',
      params: ZId,
      body: z.strictObject({ on: ZDate, ground: z.enum(Object.keys(CONVERSION_GROUNDS) as [keyof typeof CONVERSION_GROUNDS, ...(keyof typeof CONVERSION_GROUNDS)[]]), version: ZVersion }),
    },
  }, async (req) => {
    const p = requirePermission(req, PERM.court);
    const row = await convertToLiquidation(db, p, req.params.id, req.body);
    return presentCase(row, relationsOf(row, p));
  });

  app.post('/cases/:id/end', {
    schema: { tags, summary: '终结破产程序 Close or terminate (Arts. 43 ¶4, 120)', params: ZId, body: z.strictObject({ on: ZDate, how: z.enum(['closed', 'terminated']), version: ZVersion }) },
  }, async (req) => {
    const p = requirePermission(req, PERM.court);
    const row = await endCase(db, p, req.params.id, req.body);
    return presentCase(row, relationsOf(row, p));
  });
};
