/** Plans and draws: create → commitment → random value → draw → transcript (public), withdrawals. */
import { z } from 'zod';
import type { AppContext, ZodApp } from '../../../platform/http/context.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { requirePermission } from '../../../platform/identity/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { findPlan } from '../plans/plan.repository.js';
import { commitPlan, createPlan, drawPlan, enterRandomValue, fullTranscript, listPlans, presentPlan, requireOwnPlan, withdrawInspector } from '../plans/plan.service.js';
import { listPlanTasks } from '../plans/task.service.js';
import { canonicalInspectorLine, canonicalTargetLine } from '../draw/roster-hash.js';

const tags = ['inspections'];
const ZId = z.object({ id: z.string().max(100) });
const ZPage = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) });

export const ZCreatePlanRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  parameters: z.strictObject({
    department: z.string().min(1).max(64),
    jointDepartments: z.array(z.string().max(64)).default([]),
    items: z.array(z.string().max(64)).min(1),
    targetFilter: z.strictObject({ industries: z.array(z.string().max(10)).default([]), districts: z.array(z.string().max(12)).default([]) }).default({ industries: [], districts: [] }),
    // Ranges are checked by the draw rules, which answer 422 ratio-out-of-range.
    ratioBp: z.strictObject({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() }),
    flagRatioBp: z
      .strictObject({ abnormalOperation: z.number().int(), complaint: z.number().int(), seriousViolation: z.number().int() })
      .default({ abnormalOperation: 0, complaint: 0, seriousViolation: 0 }),
    inspectorsPerTarget: z.number().int().default(2),
    requiredQualifications: z.array(z.string().max(64)).default([]),
    matchInspectorDistrict: z.boolean().default(true),
  }),
});
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZCommitPlanRequest = z.strictObject({
  randomSource: z.strictObject({
    kind: z.enum(['drand', 'lottery', 'other']),
    reference: z.string().trim().min(1).max(200),
    availableAfter: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
  }),
});

export async function planRoutes(app: ZodApp, { db }: AppContext): Promise<void> {
  app.post('/plans', { schema: { tags, summary: '新建抽查计划 Create a plan', body: ZCreatePlanRequest } }, async (req, reply) => {
    const p = requirePermission(req, 'inspections:plan-manage');
    const plan = await db.transaction().execute((trx) => createPlan(trx, p, req.body));
    return reply.code(201).send(presentPlan(plan));
  });

  app.get('/plans', { schema: { tags, summary: '本部门抽查计划 Own plans', querystring: ZPage } }, async (req) => {
    const p = requirePermission(req, 'inspections:plan-manage');
    return { items: await listPlans(db, { organizationId: p.organizationId, ...req.query }) };
  });

  app.get('/public/plans', { schema: { tags, summary: '已公示的抽查计划 Published plans (public)', querystring: ZPage } }, async (req) => ({
    items: (await listPlans(db, { publicOnly: true, ...req.query })).map(({ organization_id: _org, ...r }) => r),
  }));

  app.get('/plans/:id', { schema: { tags, summary: '抽查计划 Plan', params: ZId } }, async (req) => {
    const p = requirePermission(req, 'inspections:plan-manage');
    const plan = await requireOwnPlan(db, req.params.id, p);
    return { ...presentPlan(plan), tasks: await listPlanTasks(db, plan.id) };
  });

  app.post('/plans/:id/commit', { schema: { tags, summary: '发布承诺 Publish the commitment', params: ZId, body: ZCommitPlanRequest } }, async (req) => {
    const p = requirePermission(req, 'inspections:plan-manage');
    return presentPlan(await db.transaction().execute((trx) => commitPlan(trx, p, req.params.id, req.body.randomSource)));
  });

  app.post(
    '/plans/:id/random-value',
    { schema: { tags, summary: '录入公开随机数 Enter the public random value', params: ZId, body: z.strictObject({ value: z.string().trim().min(1).max(500) }) } },
    async (req) => {
      const p = requirePermission(req, 'inspections:plan-manage');
      return presentPlan(await enterRandomValue(db, p, req.params.id, req.body.value));
    },
  );

  app.post('/plans/:id/draw', { schema: { tags, summary: '抽取 Run the draw', params: ZId } }, async (req) => {
    const p = requirePermission(req, 'inspections:plan-manage');
    return presentPlan(await db.transaction().execute((trx) => drawPlan(trx, p, req.params.id)));
  });

  app.post(
    '/plans/:id/withdrawals',
    {
      schema: {
        tags,
        summary: '登记检查人员回避 Record a withdrawal',
        params: ZId,
        body: z.strictObject({ targetId: z.string().max(64), inspectorId: z.string().max(64), reason: z.string().trim().min(1).max(200) }),
      },
    },
    async (req) => {
      const p = requirePermission(req, 'inspections:plan-manage');
      return presentPlan(await db.transaction().execute((trx) => withdrawInspector(trx, p, req.params.id, req.body)));
    },
  );

  // Public: the commitment and the transcript are published so that anyone can check the draw.
  app.get('/public/plans/:id/commitment', { schema: { tags, summary: '承诺（公开）Commitment (public)', params: ZId } }, async (req) => {
    const plan = await findPlan(db, req.params.id);
    if (!plan || !plan.commitment) throw new HttpProblem(404, 'not-found');
    return { number: plan.number, title: plan.title, commitment: JSON.parse(plan.commitment) as unknown, commitmentHash: plan.commitment_hash, ledgerIndex: Number(plan.commit_ledger_index) };
  });

  app.get(
    '/public/plans/:id/transcript',
    { schema: { tags, summary: '抽取记录（公开，可复核）Transcript (public, re-runnable)', params: ZId, querystring: z.object({ format: z.enum(['json', 'jsonl']).default('json') }) } },
    async (req, reply) => {
      const plan = await findPlan(db, req.params.id);
      if (!plan) throw new HttpProblem(404, 'not-found');
      const t = fullTranscript(plan);
      reply.header('content-disposition', contentDisposition(`抽取记录-${plan.number}.${req.query.format}`, 'inline'));
      if (req.query.format === 'jsonl') {
        const { rosters, ...header } = t;
        const text = [JSON.stringify(header), ...rosters.targets.map(canonicalTargetLine), ...rosters.inspectors.map(canonicalInspectorLine)].join('\n') + '\n';
        return reply.type('application/jsonl; charset=utf-8').send(text);
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(t));
    },
  );
}
