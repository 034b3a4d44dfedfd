/**
 * Inspection plans and their draws, step by step as DOMAIN.md "inspections" requires: the department creates
 * a plan (draft), publishes its commitment (rosters frozen and hashed, parameters, the future public random
 * value), enters the value once it is public, then draws; the transcript is public and re-runnable.
 * A withdrawal after the draw re-runs it with the withdrawal recorded: only that visit's inspectors change.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../../platform/db/index.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { newId } from '../../../platform/ids/index.js';
import { appendLedgerEntry } from '../../../platform/ledger/index.js';
import type { Principal } from '../../../platform/identity/index.js';
import { createCommitment } from '../draw/commitment.js';
import { DrawError } from '../draw/draw-errors.js';
import { normalizeDrawParameters } from '../draw/draw-parameters.js';
import type { DrawCommitment, DrawTranscript, InspectorEntry, RandomSource, TargetEntry, Withdrawal } from '../draw/draw.types.js';
import { serializeInspectorRoster, serializeTargetRoster } from '../draw/roster-hash.js';
import { runDraw } from '../draw/run-draw.js';
import { findDepartmentsOfOrganization } from '../checklist/checklist.repository.js';
import type { InspPlanTable, InspTaskTable } from '../inspections.table.js';
import { loadInspectorRoster, loadTargetRoster } from '../rosters/roster.service.js';
import { findPlan, insertPlan, insertTasks, listPlans, nextPlanSequence, tasksOfPlan, updatePlan, updateTask } from './plan.repository.js';

export function drawProblem(e: DrawError): HttpProblem {
  const titles: Record<string, [string, string]> = {
    'random-value-not-available': ['随机数尚未公布', 'Random value not yet available'],
    'invalid-draw-input': ['抽取参数有误', 'Invalid draw input'],
    'roster-changed': ['名录库与承诺不一致', 'Rosters differ from the commitment'],
    'withdrawal-not-assigned': ['回避人员未被抽中', 'Withdrawal does not match a pick'],
  };
  return new HttpProblem(e.status, e.code, e.message, e.errors, undefined, titles[e.code]);
}

function wrapDraw<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DrawError) throw drawProblem(e);
    throw e;
  }
}

const stale = () => new HttpProblem(409, 'stale-version');

function stateConflict(detail: string): HttpProblem {
  return new HttpProblem(409, 'plan-state-conflict', detail, undefined, undefined, ['抽查计划当前状态不允许此操作', 'Not allowed in the plan’s current state']);
}

/** A plan of the caller's organization; another organization's → 404. */
export async function requireOwnPlan(db: DbOrTx, id: string, p: Principal): Promise<InspPlanTable> {
  const plan = await findPlan(db, id);
  if (!plan || plan.organization_id !== p.organizationId) throw new HttpProblem(404, 'not-found');
  return plan;
}

export async function createPlan(db: DbOrTx, p: Principal, input: { title: string; parameters: Record<string, unknown> }): Promise<InspPlanTable> {
  const department = String(input.parameters.department ?? '');
  const own = await findDepartmentsOfOrganization(db, p.organizationId);
  if (!own.some((d) => d.code === department)) {
    throw new HttpProblem(403, 'forbidden', `本机构不是部门 ${department} / your organization does not act as this department`);
  }
  const year = new Date().getUTCFullYear();
  const seq = await nextPlanSequence(db, `${department}-${year}`);
  const number = `${department}-${year}-${String(seq).padStart(4, '0')}`;
  // Validates ratios (0–10000 bp → else 422), at least two inspectors, and normalizes the sets.
  const parameters = wrapDraw(() => normalizeDrawParameters({ ...input.parameters, planId: number }));
  const row: InspPlanTable = {
    id: newId('ipl'),
    number,
    title: input.title,
    department,
    organization_id: p.organizationId,
    parameters: JSON.stringify(parameters),
    state: 'draft',
    commitment: null,
    commitment_hash: null,
    target_roster: null,
    inspector_roster: null,
    random_value: null,
    random_entered_at: null,
    transcript: null,
    withdrawals: '[]',
    created_by: p.userId ?? p.id,
    created_at: new Date().toISOString(),
    committed_at: null,
    drawn_at: null,
    commit_ledger_index: null,
    draw_ledger_index: null,
    row_version: 1,
  };
  await insertPlan(db, row);
  return row;
}

export async function commitPlan(db: DbOrTx, p: Principal, id: string, randomSource: RandomSource): Promise<InspPlanTable> {
  const plan = await requireOwnPlan(db, id, p);
  if (plan.state !== 'draft') throw stateConflict('只有草稿计划可以发布承诺 / only a draft can be committed');
  const committedAt = new Date().toISOString();
  const [targets, inspectors] = [await loadTargetRoster(db), await loadInspectorRoster(db)];
  const c = wrapDraw(() => createCommitment({ parameters: JSON.parse(plan.parameters) as unknown, targets, inspectors, randomSource, committedAt }));
  const { leafIndex } = await appendLedgerEntry(db, {
    type: 'inspections.draw.committed',
    subject: plan.number,
    data: { plan: plan.number, targetRoster: c.commitment.targetRoster, inspectorRoster: c.commitment.inspectorRoster, randomSource: c.commitment.randomSource },
    documentSha256: c.commitmentHash,
    visibleTo: { organizationIds: [p.organizationId] },
  });
  const patch: Partial<InspPlanTable> = {
    state: 'committed',
    commitment: JSON.stringify(c.commitment),
    commitment_hash: c.commitmentHash,
    target_roster: serializeTargetRoster(c.targets),
    inspector_roster: serializeInspectorRoster(c.inspectors),
    committed_at: committedAt,
    commit_ledger_index: leafIndex,
  };
  if (!(await updatePlan(db, id, plan.row_version, patch))) throw stale();
  return { ...plan, ...patch, row_version: plan.row_version + 1 };
}

export async function enterRandomValue(db: DbOrTx, p: Principal, id: string, value: string, now = new Date()): Promise<InspPlanTable> {
  const plan = await requireOwnPlan(db, id, p);
  if (plan.state !== 'committed') throw stateConflict('只有已发布承诺、尚未抽取的计划可以录入随机数 / only a committed plan takes the random value');
  const c = JSON.parse(plan.commitment!) as DrawCommitment;
  if (now.getTime() < Date.parse(c.randomSource.availableAfter)) {
    throw new HttpProblem(409, 'random-value-not-available', `${c.randomSource.reference} 将于 ${c.randomSource.availableAfter} 后公布 / not public yet`, undefined, undefined, [
      '随机数尚未公布',
      'Random value not yet available',
    ]);
  }
  const patch = { random_value: value, random_entered_at: now.toISOString() };
  if (!(await updatePlan(db, id, plan.row_version, patch))) throw stale();
  return { ...plan, ...patch, row_version: plan.row_version + 1 };
}

function parseLines<T>(text: string | null): T[] {
  if (!text) return [];
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

function transcriptOf(plan: InspPlanTable, withdrawals: Withdrawal[], now: string): DrawTranscript {
  return wrapDraw(() =>
    runDraw({
      commitment: JSON.parse(plan.commitment!) as DrawCommitment,
      targets: parseLines<TargetEntry>(plan.target_roster),
      inspectors: parseLines<InspectorEntry>(plan.inspector_roster),
      randomValue: plan.random_value ? { value: plan.random_value, enteredAt: plan.random_entered_at! } : undefined,
      withdrawals,
      now,
    }),
  );
}

/** The transcript without its rosters: those are stored once, as the canonical lines frozen at commitment. */
function storedTranscript(t: DrawTranscript): string {
  return JSON.stringify({ ...t, rosters: undefined });
}

export async function drawPlan(db: DbOrTx, p: Principal, id: string): Promise<InspPlanTable> {
  const plan = await requireOwnPlan(db, id, p);
  if (plan.state === 'drawn') throw stateConflict('该计划已抽取 / already drawn');
  if (plan.state !== 'committed') throw stateConflict('请先发布承诺 / publish the commitment first');
  const now = new Date().toISOString();
  // runDraw refuses (409) while the random value is missing or not yet public.
  const t = transcriptOf(plan, [], now);
  const targets = new Map(t.rosters.targets.map((x) => [x.id, x]));
  const tasks: InspTaskTable[] = t.selection.map((s) => {
    const target = targets.get(s.targetId)!;
    return {
      id: newId('itk'),
      plan_id: plan.id,
      target_id: target.id,
      target_name: target.name,
      district: target.district,
      industry: target.industry,
      credit_class: target.creditClass,
      stratum: s.stratum,
      pick: s.pick,
      assignments: JSON.stringify(s.assignments),
      inspector_ids: JSON.stringify(s.assignments.flatMap((a) => a.inspectors)),
      state: 'assigned',
      outcome: null,
      answers: '{}',
      notes: '',
      photo_file_ids: '[]',
      recorded_by: null,
      recorded_at: null,
      publish_deadline: null,
      published_at: null,
      ledger_index: null,
    };
  });
  const transcriptJson = storedTranscript(t);
  const { leafIndex } = await appendLedgerEntry(db, {
    type: 'inspections.draw.completed',
    subject: plan.number,
    data: { plan: plan.number, commitmentHash: t.commitmentHash, seed: t.seed, selected: t.selection.length },
    documentSha256: createHash('sha256').update(transcriptJson).digest('hex'),
    visibleTo: { organizationIds: [p.organizationId] },
  });
  const patch: Partial<InspPlanTable> = { state: 'drawn', transcript: transcriptJson, drawn_at: now, draw_ledger_index: leafIndex };
  if (!(await updatePlan(db, id, plan.row_version, patch))) throw stale();
  await insertTasks(db, tasks);
  return { ...plan, ...patch, row_version: plan.row_version + 1 };
}

/** An inspector steps down from a visit (回避): re-run the draw with the withdrawal; the next pick serves. */
export async function withdrawInspector(db: DbOrTx, p: Principal, id: string, w: Withdrawal): Promise<InspPlanTable> {
  const plan = await requireOwnPlan(db, id, p);
  if (plan.state !== 'drawn') throw stateConflict('只有已抽取的计划可以登记回避 / only after the draw');
  const tasks = await tasksOfPlan(db, plan.id);
  const task = tasks.find((x) => x.target_id === w.targetId);
  if (!task) throw new HttpProblem(422, 'withdrawal-not-assigned', `${w.targetId} 未被抽中 / target not drawn`);
  if (task.state !== 'assigned') throw stateConflict('检查结果已录入，不能再更换检查人员 / the inspection is already recorded');
  const withdrawals = [...(JSON.parse(plan.withdrawals) as Withdrawal[]), w];
  const t = transcriptOf(plan, withdrawals, plan.drawn_at!);
  const patch: Partial<InspPlanTable> = { transcript: storedTranscript(t), withdrawals: JSON.stringify(withdrawals) };
  if (!(await updatePlan(db, id, plan.row_version, patch))) throw stale();
  const bySelection = new Map(t.selection.map((s) => [s.targetId, s]));
  for (const x of tasks) {
    const s = bySelection.get(x.target_id)!;
    const assignments = JSON.stringify(s.assignments);
    if (assignments !== x.assignments) {
      await updateTask(db, x.id, { assignments, inspector_ids: JSON.stringify(s.assignments.flatMap((a) => a.inspectors)) });
    }
  }
  return { ...plan, ...patch, row_version: plan.row_version + 1 };
}

/** The full published transcript (rosters included) that `yingshang draw verify` re-runs. */
export function fullTranscript(plan: InspPlanTable): DrawTranscript {
  if (!plan.transcript) throw new HttpProblem(404, 'not-found', '尚未抽取 / not drawn yet');
  return {
    ...(JSON.parse(plan.transcript) as Omit<DrawTranscript, 'rosters'>),
    rosters: { targets: parseLines<TargetEntry>(plan.target_roster), inspectors: parseLines<InspectorEntry>(plan.inspector_roster) },
  } as DrawTranscript;
}

export function presentPlan(plan: InspPlanTable) {
  const transcript = plan.transcript ? (JSON.parse(plan.transcript) as Omit<DrawTranscript, 'rosters'>) : null;
  return {
    id: plan.id,
    number: plan.number,
    title: plan.title,
    department: plan.department,
    state: plan.state,
    parameters: JSON.parse(plan.parameters) as unknown,
    commitment: plan.commitment ? (JSON.parse(plan.commitment) as DrawCommitment) : null,
    commitmentHash: plan.commitment_hash,
    randomValue: plan.random_value ? { value: plan.random_value, enteredAt: plan.random_entered_at } : null,
    seed: transcript?.seed ?? null,
    strata: transcript?.strata ?? [],
    selectedCount: transcript?.selection.length ?? 0,
    withdrawals: JSON.parse(plan.withdrawals) as Withdrawal[],
    createdAt: plan.created_at,
    committedAt: plan.committed_at,
    drawnAt: plan.drawn_at,
    ledgerIndex: { commit: plan.commit_ledger_index === null ? null : Number(plan.commit_ledger_index), draw: plan.draw_ledger_index === null ? null : Number(plan.draw_ledger_index) },
    rowVersion: plan.row_version,
  };
}

export { listPlans };
