/** Roster import (.xlsx) and summary. */
import type { AppContext, ZodApp } from '../../../platform/http/context.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { requirePermission } from '../../../platform/identity/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { rosterCounts } from '../rosters/roster.repository.js';
import { importInspectors, importTargets, rosterErrorsProblem } from '../rosters/roster.service.js';
import { INSPECTOR_COLUMNS, parseInspectorsXlsx, parseTargetsXlsx, TARGET_COLUMNS, writeRosterXlsx } from '../rosters/roster-xlsx.js';

const tags = ['inspections'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(req: { isMultipart(): boolean; file(): Promise<{ toBuffer(): Promise<Buffer> } | undefined> }): Promise<Buffer> {
  if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported-media-type', '请使用 multipart/form-data 上传 .xlsx');
  const part = await req.file();
  if (!part) throw new HttpProblem(400, 'validation-failed', undefined, [{ path: 'file', code: 'required', message: '缺少文件 (file missing)' }]);
  return part.toBuffer();
}

export async function rosterRoutes(app: ZodApp, { db }: AppContext): Promise<void> {
  app.post('/rosters/targets', { schema: { tags, summary: '导入检查对象名录库 Import targets (.xlsx)', consumes: ['multipart/form-data'] } }, async (req) => {
    requirePermission(req, 'inspections:roster-manage');
    const parsed = await parseTargetsXlsx(await upload(req));
    if (!parsed.ok) throw rosterErrorsProblem(parsed.errors);
    const imported = await db.transaction().execute((trx) => importTargets(trx, parsed.rows));
    return { imported };
  });

  app.post('/rosters/inspectors', { schema: { tags, summary: '导入执法检查人员名录库 Import inspectors (.xlsx)', consumes: ['multipart/form-data'] } }, async (req) => {
    requirePermission(req, 'inspections:roster-manage');
    const parsed = await parseInspectorsXlsx(await upload(req));
    if (!parsed.ok) throw rosterErrorsProblem(parsed.errors);
    const imported = await db.transaction().execute((trx) => importInspectors(trx, parsed.rows.map((r, k) => ({ ...r, row: k + 2 }))));
    return { imported };
  });

  app.get('/rosters/summary', { schema: { tags, summary: '名录库概况 Roster summary' } }, async (req) => {
    requirePermission(req, 'inspections:roster-manage');
    return rosterCounts(db);
  });

  app.get('/rosters/templates/:kind', { schema: { tags, summary: '名录库模板 Roster template (.xlsx)' } }, async (req, reply) => {
    requirePermission(req, 'inspections:roster-manage');
    const kind = (req.params as { kind: string }).kind;
    if (kind !== 'targets' && kind !== 'inspectors') throw new HttpProblem(404, 'not-found');
    const data = await writeRosterXlsx(kind === 'targets' ? TARGET_COLUMNS : INSPECTOR_COLUMNS, []);
    reply.header('content-disposition', contentDisposition(kind === 'targets' ? '检查对象名录库模板.xlsx' : '执法检查人员名录库模板.xlsx'));
    return reply.type(XLSX).send(data);
  });
}
