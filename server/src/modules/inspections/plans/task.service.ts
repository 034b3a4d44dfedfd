/**
 * Inspections on site (照单线上线下查): the inspector's phone view lists the visits they were drawn for,
 * records each check point yes/no with photos and notes and an outcome; the department then publishes the
 * result, which must happen within 20 working days (企业信息公示暂行条例 Art. 6) — the deadline is counted
 * with platform/calendar from the day the result was recorded.
 */
import type { DbOrTx } from '../../../platform/db/index.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import type { Principal } from '../../../platform/identity/index.js';
import { addWorkingDays, todayInChina } from '../../../platform/calendar/index.js';
import { appendLedgerEntry } from '../../../platform/ledger/index.js';
import type { ChecklistDepartment, ChecklistItem } from '../checklist/checklist.types.js';
import type { DrawParameters } from '../draw/draw.types.js';
import type { InspTaskTable, TaskOutcome } from '../inspections.table.js';
import { findInspectorsOfUser } from '../rosters/roster.repository.js';
import { findPlan, findTask, publishedResults, tasksOfInspectors, tasksOfPlan, updateTask } from './plan.repository.js';

export const PUBLISH_WITHIN_WORKING_DAYS = 20;

export function presentTask(t: InspTaskTable, today = todayInChina()) {
  return {
    id: t.id,
    planId: t.plan_id,
    target: { id: t.target_id, name: t.target_name, district: t.district, industry: t.industry, creditClass: t.credit_class },
    stratum: t.stratum,
    pick: t.pick,
    assignments: JSON.parse(t.assignments) as unknown,
    state: t.state,
    outcome: t.outcome,
    answers: JSON.parse(t.answers) as Record<string, 'yes' | 'no'>,
    notes: t.notes,
    photoFileIds: JSON.parse(t.photo_file_ids) as string[],
    recordedAt: t.recorded_at,
    publishDeadline: t.publish_deadline,
    publishedAt: t.published_at,
    overdue: t.state === 'recorded' && t.publish_deadline !== null && t.publish_deadline < today,
    ledgerIndex: t.ledger_index === null ? null : Number(t.ledger_index),
  };
}

async function inspectorIdsOf(db: DbOrTx, p: Principal): Promise<string[]> {
  return p.userId ? (await findInspectorsOfUser(db, p.userId)).map((i) => i.id) : [];
}

export async function listMyTasks(db: DbOrTx, p: Principal) {
  const mine = await inspectorIdsOf(db, p);
  const rows = await tasksOfInspectors(db, mine);
  // LIKE may over-match ids containing _ or %; keep only exact members.
  return rows
    .filter((r) => (JSON.parse(r.inspector_ids) as string[]).some((id) => mine.includes(id)))
    .map((r) => ({ ...presentTask(r), plan: { number: r.plan_number, title: r.plan_title } }));
}

/** The caller may see a task if drawn for it, or if their organization owns the plan. */
export async function requireVisibleTask(db: DbOrTx, p: Principal, id: string) {
  const task = await findTask(db, id);
  if (!task) throw new HttpProblem(404, 'not-found');
  const plan = (await findPlan(db, task.plan_id))!;
  const mine = await inspectorIdsOf(db, p);
  const isInspector = (JSON.parse(task.inspector_ids) as string[]).some((x) => mine.includes(x));
  if (!isInspector && plan.organization_id !== p.organizationId) throw new HttpProblem(404, 'not-found');
  return { task, plan, isInspector };
}

/** The checklist items of the plan, with their points: what the inspector answers (no inspection outside the list). */
export function planItems(departments: readonly ChecklistDepartment[], itemCodes: readonly string[]): ChecklistItem[] {
  const wanted = new Set(itemCodes);
  return departments.flatMap((d) => d.categories.flatMap((c) => c.items.filter((i) => wanted.has(i.code))));
}

export interface RecordInput {
  outcome: TaskOutcome;
  answers: Record<string, 'yes' | 'no'>;
  notes: string;
}

export async function recordInspection(db: DbOrTx, p: Principal, id: string, departments: readonly ChecklistDepartment[], input: RecordInput) {
  const { task, plan, isInspector } = await requireVisibleTask(db, p, id);
  if (!isInspector) throw new HttpProblem(403, 'not-assigned-inspector', '只有抽中的检查人员可以录入结果 / only the drawn inspectors may record', undefined, undefined, ['非本次抽中的检查人员', 'Not an assigned inspector']);
  if (task.state !== 'assigned') throw new HttpProblem(409, 'inspection-already-recorded', '检查结果已录入 / already recorded', undefined, undefined, ['检查结果已录入', 'Already recorded']);
  const params = JSON.parse(plan.parameters) as DrawParameters;
  const points = new Set(planItems(departments, params.items).flatMap((i) => i.points.map((x) => x.code)));
  const errors = Object.keys(input.answers)
    .filter((code) => !points.has(code))
    .map((code) => ({ path: `answers.${code}`, code: 'point-not-in-plan', message: '不属于本计划的抽查事项 / not in the plan’s items' }));
  if (input.outcome !== 'not-found' && Object.keys(input.answers).length < points.size) {
    errors.push({ path: 'answers', code: 'answers-incomplete', message: `还有 ${points.size - Object.keys(input.answers).length} 个要点未作答 / points unanswered` });
  }
  if (input.outcome === 'compliant' && Object.values(input.answers).includes('no')) {
    errors.push({ path: 'outcome', code: 'outcome-contradicts-answers', message: '有不符合的要点，结果不能为“未发现问题” / a point is not met' });
  }
  if (errors.length > 0) throw new HttpProblem(422, 'inspection-record-invalid', undefined, errors, undefined, ['检查结果有误', 'Invalid inspection record']);

  const recordedAt = new Date().toISOString();
  const deadline = addWorkingDays(todayInChina(), PUBLISH_WITHIN_WORKING_DAYS);
  const { leafIndex } = await appendLedgerEntry(db, {
    type: 'inspections.inspection.recorded',
    subject: task.id,
    data: { plan: plan.number, target: task.target_id, outcome: input.outcome, notMet: Object.entries(input.answers).filter(([, a]) => a === 'no').map(([c]) => c) },
    visibleTo: { organizationIds: [plan.organization_id] },
  });
  const patch: Partial<InspTaskTable> = {
    state: 'recorded',
    outcome: input.outcome,
    answers: JSON.stringify(input.answers),
    notes: input.notes,
    recorded_by: p.userId,
    recorded_at: recordedAt,
    publish_deadline: deadline,
    ledger_index: leafIndex,
  };
  await updateTask(db, task.id, patch);
  return presentTask({ ...task, ...patch });
}

export async function addTaskPhoto(db: DbOrTx, p: Principal, id: string, fileId: string) {
  const { task, isInspector } = await requireVisibleTask(db, p, id);
  if (!isInspector) throw new HttpProblem(403, 'not-assigned-inspector', '只有抽中的检查人员可以上传照片 / only the drawn inspectors', undefined, undefined, ['非本次抽中的检查人员', 'Not an assigned inspector']);
  if (task.state !== 'assigned') throw new HttpProblem(409, 'inspection-already-recorded', '检查结果已录入 / already recorded');
  const photos = [...(JSON.parse(task.photo_file_ids) as string[]), fileId];
  await updateTask(db, task.id, { photo_file_ids: JSON.stringify(photos) });
  return photos;
}

export async function publishResult(db: DbOrTx, p: Principal, id: string) {
  const { task, plan } = await requireVisibleTask(db, p, id);
  if (plan.organization_id !== p.organizationId) throw new HttpProblem(404, 'not-found');
  if (task.state !== 'recorded') throw new HttpProblem(409, 'result-not-recorded', '检查结果尚未录入或已公示 / not recorded, or already published');
  const publishedAt = new Date().toISOString();
  await updateTask(db, task.id, { state: 'published', published_at: publishedAt });
  return presentTask({ ...task, state: 'published', published_at: publishedAt });
}

export async function listPlanTasks(db: DbOrTx, planId: string) {
  return (await tasksOfPlan(db, planId)).map((t) => presentTask(t));
}

export async function listPublishedResults(db: DbOrTx, limit: number, offset: number) {
  return (await publishedResults(db, limit, offset)).map((r) => ({
    id: r.id,
    plan: { number: r.plan_number, title: r.plan_title, department: r.department },
    target: { id: r.target_id, name: r.target_name, district: r.district, industry: r.industry },
    outcome: r.outcome,
    recordedAt: r.recorded_at,
    publishedAt: r.published_at,
  }));
}
