/** The inspector's phone view, result publication and the public results page. */
import { join } from 'node:path';
import { z } from 'zod';
import type { AppContext, ZodApp } from '../../../platform/http/context.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { localBlobStore, storeFile } from '../../../platform/files/index.js';
import { requireVersion } from '../checklist/checklist.service.js';
import type { DrawParameters } from '../draw/draw.types.js';
import { addTaskPhoto, listMyTasks, listPublishedResults, planItems, presentTask, publishResult, recordInspection, requireVisibleTask } from '../plans/task.service.js';
import { dashboard } from '../plans/dashboard.service.js';

const tags = ['inspections'];
const ZId = z.object({ id: z.string().max(100) });

export const ZRecordInspectionRequest = z.strictObject({
  outcome: z.enum(['compliant', 'problems', 'not-found']),
  answers: z.record(z.string().max(64), z.enum(['yes', 'no'])),
  notes: z.string().max(2000).default(''),
});

export async function taskRoutes(app: ZodApp, { db, config }: AppContext): Promise<void> {
  const blobs = localBlobStore(join(config.dataDir, 'files'));

  app.get('/tasks', { schema: { tags, summary: '我的检查任务 My inspections' } }, async (req) => {
    const p = requirePermission(req, 'inspections:inspect');
    return { items: await listMyTasks(db, p) };
  });

  app.get('/tasks/:id', { schema: { tags, summary: '检查任务及清单要点 Task with its check points', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    const { task, plan, isInspector } = await requireVisibleTask(db, p, req.params.id);
    const version = await requireVersion(db);
    const params = JSON.parse(plan.parameters) as DrawParameters;
    return { ...presentTask(task), plan: { id: plan.id, number: plan.number, title: plan.title }, isInspector, items: planItems(version.departments, params.items) };
  });

  app.post('/tasks/:id/photos', { schema: { tags, summary: '上传现场照片 Upload a photo (PNG/JPEG)', params: ZId, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const p = requirePermission(req, 'inspections:inspect');
    // Check the assignment before storing anything.
    const { isInspector } = await requireVisibleTask(db, p, req.params.id);
    if (!isInspector) throw new HttpProblem(403, 'not-assigned-inspector', '只有抽中的检查人员可以上传照片 / only the drawn inspectors');
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported-media-type', '请使用 multipart/form-data 上传');
    const part = await req.file();
    if (!part) throw new HttpProblem(400, 'validation-failed', undefined, [{ path: 'file', code: 'required', message: '缺少文件 (file missing)' }]);
    const file = await storeFile(db, blobs, { filename: part.filename, data: await part.toBuffer(), owner: p, allowed: ['png', 'jpeg'] });
    const photos = await addTaskPhoto(db, p, req.params.id, file.id);
    return reply.code(201).send({ fileId: file.id, sha256: file.sha256, photoFileIds: photos });
  });

  app.post('/tasks/:id/result', { schema: { tags, summary: '录入检查结果 Record the inspection', params: ZId, body: ZRecordInspectionRequest } }, async (req) => {
    const p = requirePermission(req, 'inspections:inspect');
    const version = await requireVersion(db);
    return db.transaction().execute((trx) => recordInspection(trx, p, req.params.id, version.departments, req.body));
  });

  app.post('/tasks/:id/publish', { schema: { tags, summary: '公示检查结果 Publish the result', params: ZId } }, async (req) => {
    const p = requirePermission(req, 'inspections:results-publish');
    return publishResult(db, p, req.params.id);
  });

  app.get(
    '/public/results',
    { schema: { tags, summary: '抽查结果公示（公开）Published results', querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) }) } },
    async (req) => ({ items: await listPublishedResults(db, req.query.limit, req.query.offset) }),
  );

  app.get('/dashboard', { schema: { tags, summary: '统计 Dashboard' } }, async (req) => {
    requirePermission(req, 'inspections:dashboard');
    return dashboard(db);
  });
}
