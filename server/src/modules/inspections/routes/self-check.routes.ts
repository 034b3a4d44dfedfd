/** Enterprise self-checks (照单自己管): submit, history, report, PDF. */
import { z } from 'zod';
import type { AppContext, ZodApp } from '../../../platform/http/context.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { requirePrincipal, type Principal } from '../../../platform/identity/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { requireVersion } from '../checklist/checklist.service.js';
import { createSelfCheck, getSelfCheck, listSelfChecks, selfCheckPdf } from '../self-check/self-check.service.js';

const tags = ['inspections'];

export const ZCreateSelfCheckRequest = z.strictObject({
  itemCodes: z.array(z.string().max(64)).min(1).max(200),
  answers: z.record(z.string().max(64), z.enum(['yes', 'no'])),
});
export type TCreateSelfCheckRequest = z.infer<typeof ZCreateSelfCheckRequest>;

/** Any enterprise (or individual business) account may check itself; others need the self-checker role. */
function requireSelfChecker(req: Parameters<typeof requirePrincipal>[0]): Principal & { userId: string } {
  const p = requirePrincipal(req);
  const allowed = p.permissions.has('inspections:self-check') || p.organizationKind === 'enterprise' || p.organizationKind === 'individual';
  if (!allowed || !p.userId) throw new HttpProblem(403, 'forbidden', '自查仅限企业账号 / self-checks are for enterprise accounts');
  return p as Principal & { userId: string };
}

export async function selfCheckRoutes(app: ZodApp, { db }: AppContext): Promise<void> {
  app.post('/self-checks', { schema: { tags, summary: '提交企业自查 Submit a self-check', body: ZCreateSelfCheckRequest } }, async (req, reply) => {
    const p = requireSelfChecker(req);
    const version = await requireVersion(db);
    const v = await createSelfCheck(db, version, { userId: p.userId, organizationId: p.organizationId }, req.body);
    return reply.code(201).send(v);
  });

  app.get(
    '/self-checks',
    { schema: { tags, summary: '本企业自查记录 Self-check history', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) }) } },
    async (req) => {
      const p = requireSelfChecker(req);
      return { items: await listSelfChecks(db, p.organizationId, req.query.limit, req.query.offset) };
    },
  );

  app.get('/self-checks/:id', { schema: { tags, summary: '自查报告 Self-check report', params: z.object({ id: z.string().max(100) }) } }, async (req) => {
    const p = requireSelfChecker(req);
    return getSelfCheck(db, req.params.id, p.organizationId);
  });

  app.get('/self-checks/:id/pdf', { schema: { tags, summary: '自查报告 PDF', params: z.object({ id: z.string().max(100) }) } }, async (req, reply) => {
    const p = requireSelfChecker(req);
    const v = await getSelfCheck(db, req.params.id, p.organizationId);
    const pdf = await selfCheckPdf(v, p.organizationName);
    reply.header('content-disposition', contentDisposition(`企业自查报告-${v.createdAt.slice(0, 10)}.pdf`, 'inline'));
    return reply.type('application/pdf').send(Buffer.from(pdf));
  });
}
