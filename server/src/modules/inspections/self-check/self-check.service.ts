/**
 * Enterprise self-checks (照单自己管), stored per organization so the firm keeps a history, with a PDF report
 * of the points not met.
 */
import type { DbOrTx } from '../../../platform/db/index.js';
import { newId } from '../../../platform/ids/index.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { renderPdf, formatDateZh, type PdfBlock } from '../../../platform/documents/index.js';
import type { LoadedVersion } from '../checklist/checklist.service.js';
import { evaluateSelfCheck, SelfCheckError, type SelfCheckInput, type SelfCheckReport } from './self-check.js';
import '../inspections.table.js';

export interface SelfCheckView {
  id: string;
  checklistVersion: string;
  itemCodes: string[];
  answers: SelfCheckInput['answers'];
  report: SelfCheckReport;
  createdAt: string;
}

export async function createSelfCheck(
  db: DbOrTx,
  version: LoadedVersion,
  who: { userId: string; organizationId: string },
  input: SelfCheckInput,
): Promise<SelfCheckView> {
  let report: SelfCheckReport;
  try {
    report = evaluateSelfCheck(version.departments, input);
  } catch (e) {
    if (e instanceof SelfCheckError) throw new HttpProblem(422, e.code, e.message, e.errors, undefined, ['自查内容有误', 'Invalid self-check']);
    throw e;
  }
  const id = newId('isc');
  const createdAt = new Date().toISOString();
  const itemCodes = [...new Set(input.itemCodes)];
  await db
    .insertInto('insp_self_checks')
    .values({
      id,
      organization_id: who.organizationId,
      user_id: who.userId,
      checklist_version_id: version.id,
      item_codes: JSON.stringify(itemCodes),
      answers: JSON.stringify(input.answers),
      report: JSON.stringify(report),
      point_count: report.pointCount,
      not_met_count: report.notMet.length,
      created_at: createdAt,
    })
    .execute();
  return { id, checklistVersion: version.version, itemCodes, answers: input.answers, report, createdAt };
}

export async function listSelfChecks(db: DbOrTx, organizationId: string, limit: number, offset: number) {
  const rows = await db
    .selectFrom('insp_self_checks')
    .innerJoin('insp_checklist_versions', 'insp_checklist_versions.id', 'insp_self_checks.checklist_version_id')
    .select(['insp_self_checks.id', 'insp_checklist_versions.version', 'point_count', 'not_met_count', 'insp_self_checks.created_at', 'item_codes'])
    .where('insp_self_checks.organization_id', '=', organizationId)
    .orderBy('insp_self_checks.created_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    checklistVersion: r.version,
    itemCount: (JSON.parse(r.item_codes) as string[]).length,
    pointCount: r.point_count,
    notMetCount: r.not_met_count,
    createdAt: r.created_at,
  }));
}

/** A self-check of the caller's organization; another organization's → 404. */
export async function getSelfCheck(db: DbOrTx, id: string, organizationId: string): Promise<SelfCheckView> {
  const r = await db
    .selectFrom('insp_self_checks')
    .innerJoin('insp_checklist_versions', 'insp_checklist_versions.id', 'insp_self_checks.checklist_version_id')
    .select(['insp_self_checks.id', 'insp_checklist_versions.version', 'item_codes', 'answers', 'report', 'insp_self_checks.created_at', 'insp_self_checks.organization_id'])
    .where('insp_self_checks.id', '=', id)
    .executeTakeFirst();
  if (!r || r.organization_id !== organizationId) throw new HttpProblem(404, 'not-found');
  return {
    id: r.id,
    checklistVersion: r.version,
    itemCodes: JSON.parse(r.item_codes) as string[],
    answers: JSON.parse(r.answers) as SelfCheckInput['answers'],
    report: JSON.parse(r.report) as SelfCheckReport,
    createdAt: r.created_at,
  };
}

export function selfCheckPdf(v: SelfCheckView, organizationName: string): Promise<Uint8Array> {
  const r = v.report;
  const blocks: PdfBlock[] = [
    {
      type: 'keyValue',
      rows: [
        { key: '自查单位', value: organizationName, span: true },
        { key: '自查日期', value: formatDateZh(v.createdAt) },
        { key: '清单版本', value: v.checklistVersion },
        { key: '自查事项', value: `${r.items.length} 项` },
        { key: '检查要点', value: `${r.pointCount} 个` },
        { key: '符合', value: `${r.met} 个` },
        { key: '不符合', value: `${r.notMet.length} 个` },
      ],
    },
    { type: 'heading', text: '一、自查事项' },
    {
      type: 'table',
      columns: [{ header: '事项编码', width: 1.2 }, { header: '抽查事项', width: 3 }, { header: '所属部门', width: 2 }, { header: '要点', width: 0.7, align: 'center' }, { header: '不符合', width: 0.8, align: 'center' }],
      rows: r.items.map((i) => [i.code, i.name, i.departmentName, String(i.points), String(i.notMet)]),
    },
    { type: 'heading', text: '二、不符合的检查要点及整改提示' },
  ];
  if (r.notMet.length === 0) {
    blocks.push({ type: 'paragraph', text: '所选事项的检查要点均已符合要求。请保持，并定期对照清单自查。' });
  } else {
    r.notMet.forEach((f, k) => {
      blocks.push({ type: 'heading', level: 2, text: `（${k + 1}）${f.question}` });
      blocks.push({
        type: 'keyValue',
        columns: 1,
        rows: [
          { key: '要点编码', value: f.pointCode },
          { key: '抽查事项', value: `${f.itemName}（${f.departmentName}）` },
          { key: '检查依据', value: f.basis },
          { key: '提醒注意', value: f.reminder },
        ],
      });
    });
  }
  if (r.unanswered.length > 0) {
    blocks.push({ type: 'heading', text: '三、未作答的检查要点' });
    blocks.push({ type: 'paragraph', text: r.unanswered.join('、') });
  }
  return renderPdf({
    title: '企业自查报告',
    subtitle: '照单自己管 · 双随机抽查事项清单',
    author: organizationName,
    subject: '双随机、一公开 企业自查',
    createdAt: v.createdAt,
    blocks,
    footer: '本报告由企业依据公开的抽查事项清单自行填写生成，仅供自查整改参考。',
  });
}
