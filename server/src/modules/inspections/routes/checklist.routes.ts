/** Public checklist browsing (tree with ETag/304, node links, search) and publishing new versions. */
import { z } from 'zod';
import type { ZodApp, AppContext } from '../../../platform/http/context.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { requirePermission } from '../../../platform/identity/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { importChecklistJson, exportChecklistJson } from '../checklist/checklist-json.js';
import { exportChecklistXlsx, importChecklistXlsx } from '../checklist/checklist-xlsx.js';
import { findNode, importErrorsProblem, listVersions, publishChecklistVersion, requireVersion } from '../checklist/checklist.service.js';
import { linkDepartmentOrganization, listDepartments } from '../checklist/checklist.repository.js';
import { findOrganizationById } from '../../../platform/identity/index.js';

const tags = ['inspections'];
const ZVersionQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  version: z.string().max(50).optional(),
});

export async function checklistRoutes(app: ZodApp, { db }: AppContext): Promise<void> {
  app.get(
    '/checklist',
    { schema: { tags, summary: '抽查事项清单（整棵树，支持 ETag/304）The checklist tree in force', querystring: ZVersionQuery }, config: { rateLimit: { max: 600, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const v = await requireVersion(db, req.query);
      const etag = `"${v.etag}"`;
      reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
      const inm = req.headers['if-none-match'];
      if (inm && inm.split(',').map((s) => s.trim()).includes(etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(v.body);
    },
  );

  app.get('/checklist/versions', { schema: { tags, summary: '清单版本 Checklist versions' } }, async () => ({ versions: await listVersions(db) }));

  app.get(
    '/checklist/nodes/:code',
    { schema: { tags, summary: '清单节点及其上级 A node with its path', params: z.object({ code: z.string().max(64) }), querystring: ZVersionQuery } },
    async (req) => {
      const v = await requireVersion(db, req.query);
      const node = findNode(v, req.params.code);
      if (!node) throw new HttpProblem(404, 'not-found', `清单中没有编码 ${req.params.code} / no such code`);
      return { version: v.version, ...node };
    },
  );

  app.get(
    '/checklist/search',
    {
      schema: {
        tags,
        summary: '清单中文检索 Search all levels',
        querystring: ZVersionQuery.extend({
          q: z.string().min(1).max(100),
          department: z.string().max(400).optional(),
          industry: z.string().regex(/^[A-T]\d{0,4}$/).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
    },
    async (req) => {
      const v = await requireVersion(db, req.query);
      const departments = req.query.department ? req.query.department.split(',').filter((s) => s !== '') : undefined;
      return { version: v.version, ...v.index.search(req.query.q, { departments, industry: req.query.industry, limit: req.query.limit, offset: req.query.offset }) };
    },
  );

  app.get(
    '/checklist/export',
    { schema: { tags, summary: '导出清单 Export (.xlsx or JSON)', querystring: ZVersionQuery.extend({ format: z.enum(['xlsx', 'json']).default('xlsx') }) } },
    async (req, reply) => {
      const v = await requireVersion(db, req.query);
      if (req.query.format === 'json') {
        reply.header('content-disposition', contentDisposition(`抽查事项清单-${v.version}.json`));
        return reply.type('application/json; charset=utf-8').send(exportChecklistJson({ version: v.version, effectiveFrom: v.effectiveFrom, departments: v.departments }));
      }
      const data = await exportChecklistXlsx(v.departments, { version: v.version, effectiveFrom: v.effectiveFrom });
      reply.header('content-disposition', contentDisposition(`抽查事项清单-${v.version}.xlsx`));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(data);
    },
  );

  app.post('/checklist/versions', { schema: { tags, summary: '发布清单新版本（JSON）Publish a version from JSON', body: z.unknown() } }, async (req, reply) => {
    const p = requirePermission(req, 'inspections:checklist-manage');
    const parsed = importChecklistJson(req.body);
    if (!parsed.ok) throw importErrorsProblem(parsed.errors);
    const v = await db.transaction().execute((trx) => publishChecklistVersion(trx, parsed.checklist, { userId: p.userId ?? p.id, organizationId: p.organizationId }));
    return reply.code(201).send(v);
  });

  app.post(
    '/checklist/versions/xlsx',
    { schema: { tags, summary: '发布清单新版本（.xlsx）Publish a version from a spreadsheet', consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const p = requirePermission(req, 'inspections:checklist-manage');
      if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported-media-type', '请使用 multipart/form-data 上传 .xlsx');
      const part = await req.file();
      if (!part) throw new HttpProblem(400, 'validation-failed', undefined, [{ path: 'file', code: 'required', message: '缺少文件 (file missing)' }]);
      const fields = part.fields as Record<string, { value?: unknown } | undefined>;
      const parsed = await importChecklistXlsx(await part.toBuffer());
      if (!parsed.ok) throw importErrorsProblem(parsed.errors);
      const version = parsed.version ?? String(fields.version?.value ?? '');
      const effectiveFrom = parsed.effectiveFrom ?? String(fields.effectiveFrom?.value ?? '');
      if (!version) throw new HttpProblem(422, 'validation-failed', undefined, [{ path: 'version', code: 'required', message: '缺少版本号（“版本”工作表或 version 字段）/ version missing' }]);
      const v = await db.transaction().execute((trx) =>
        publishChecklistVersion(trx, { version, effectiveFrom, departments: parsed.departments! }, { userId: p.userId ?? p.id, organizationId: p.organizationId }),
      );
      return reply.code(201).send(v);
    },
  );

  app.get('/departments', { schema: { tags, summary: '成员单位 Departments' } }, async () => ({
    items: (await listDepartments(db)).map((d) => ({ code: d.code, name: d.name, hasAccount: d.organization_id !== null })),
  }));

  app.put(
    '/departments/:code',
    { schema: { tags, summary: '指定部门对应的机构账号 Link a department to an organization', params: z.object({ code: z.string().max(64) }), body: z.strictObject({ organizationId: z.string().max(100) }) } },
    async (req) => {
      requirePermission(req, 'inspections:checklist-manage');
      const org = await findOrganizationById(db, req.body.organizationId);
      if (!org || org.kind !== 'government') {
        throw new HttpProblem(422, 'validation-failed', undefined, [{ path: 'organizationId', code: 'not-government', message: '须为政府部门机构 / must be a government organization' }]);
      }
      const known = (await listDepartments(db)).some((d) => d.code === req.params.code);
      if (!known) throw new HttpProblem(404, 'not-found');
      await linkDepartmentOrganization(db, req.params.code, org.id);
      return { code: req.params.code, organizationId: org.id };
    },
  );
}
