import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { HttpProblem } from '../../../platform/http/index.js';
import { requirePermission } from '../../../platform/identity/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { recordAudit } from '../../../platform/audit/index.js';
import { todayInChina } from '../../../platform/calendar/index.js';
import { exportApplicationsCsv, getStepLimits, getUtilityDashboard, setStepLimits } from '../dashboard.service.js';
import { ZStepLimitsRequest } from '../water-connection.schemas.js';

/**
 * The utility's dashboard, its CSV export and its promised limits. Always the caller's own organization: a
 * supervisor of one utility never sees another utility's applications (there is no organization parameter).
 */
export const waterDashboardRoutes: RoutePlugin = async (app, { db }) => {
  const tags = ['water-connection'];

  app.get('/dashboard', {
    schema: {
      tags, summary: '供水企业看板：各环节数量、平均用时与承诺时限、超期、好差评 Utility dashboard',
      querystring: z.object({ months: z.coerce.number().int().min(1).max(36).default(12).describe('按月统计的月数 months in the per-month series') }),
    },
  }, async (req) => {
    const p = requirePermission(req, 'water-connection:dashboard');
    return getUtilityDashboard(db, p.organizationId, { months: req.query.months });
  });

  app.get('/dashboard/export.csv', {
    schema: { tags, summary: '导出申请清单 CSV（手机号码已脱敏）Export applications as CSV (phones masked)' },
  }, async (req, reply) => {
    const p = requirePermission(req, 'water-connection:dashboard');
    const csv = await exportApplicationsCsv(db, p.organizationId);
    reply.header('content-disposition', contentDisposition(`用水报装申请-${todayInChina().replaceAll('-', '')}.csv`));
    reply.header('cache-control', 'no-store');
    return reply.type('text/csv; charset=utf-8').send(csv);
  });

  app.get('/settings/step-limits', {
    schema: { tags, summary: '各环节承诺时限 Promised limits per step' },
  }, async (req) => {
    const p = requirePermission(req, 'water-connection:configure');
    return { limits: await getStepLimits(db, p.organizationId) };
  });

  app.put('/settings/step-limits', {
    schema: { tags, summary: '设置承诺时限（工作日或自然日）Set promised limits', body: ZStepLimitsRequest },
  }, async (req) => {
    const p = requirePermission(req, 'water-connection:configure');
    const seen = new Set<string>();
    const duplicates = req.body.limits.map((l, i) => ({ l, i })).filter(({ l }) => (seen.has(l.step) ? true : (seen.add(l.step), false)));
    if (duplicates.length) {
      throw new HttpProblem(422, 'unprocessable', undefined, duplicates.map(({ l, i }) => ({ path: `body.limits.${i}.step`, code: 'duplicate', message: `环节 ${l.step} 重复 (step listed twice)` })));
    }
    const limits = await db.transaction().execute(async (trx) => {
      const before = await getStepLimits(trx, p.organizationId);
      const after = await setStepLimits(trx, p.organizationId, req.body.limits);
      await recordAudit(trx, {
        requestId: req.id, actorKind: p.kind, actorId: p.id, actorName: p.username, organizationId: p.organizationId,
        action: 'water-connection.step-limits.set', target: p.organizationId, outcome: 200,
        detail: { before: before.map(({ step, days, unit }) => ({ step, days, unit })), after: after.map(({ step, days, unit }) => ({ step, days, unit })) },
      });
      return after;
    });
    return { limits };
  });
};
