import { sql, type Insertable, type Updateable } from 'kysely';
import { dialectOf, type DbOrTx } from '../db/index.js';
import type { WorkflowInstance } from './process-definition.js';
import type { ActionableStates } from './task-filter.js';
import type { WorkflowInstanceTable, WorkflowTransitionTable } from './workflow.table.js';

/** Queries only; the rules live in workflow.service.ts and overdue-sweep.ts. */

export function toInstance(r: WorkflowInstanceTable): WorkflowInstance {
  return {
    id: r.id,
    process: r.process,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    link: r.link,
    organizationId: r.organization_id,
    assigneeUserId: r.assignee_user_id,
    state: r.state,
    version: Number(r.version),
    enteredStateAt: r.entered_state_at,
    dueDate: r.due_date,
    dueAt: r.due_at,
    overdueNotifiedAt: r.overdue_notified_at,
    completedAt: r.completed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertInstance(db: DbOrTx, row: Insertable<WorkflowInstanceTable>): Promise<void> {
  await db.insertInto('workflow_instances').values(row).execute();
}

/** With `forUpdate`, PostgreSQL locks the row until the transaction ends (SQLite has one writer anyway). */
export async function findInstanceRow(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('workflow_instances').selectAll().where('id', '=', id);
  if (opts.forUpdate && dialectOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Applies `patch` only if the row still has `version`; false when someone else moved it first. */
export async function updateInstanceAtVersion(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Updateable<WorkflowInstanceTable>,
): Promise<boolean> {
  const r = await db.updateTable('workflow_instances').set(patch).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertTransition(db: DbOrTx, row: Insertable<WorkflowTransitionTable>): Promise<void> {
  await db.insertInto('workflow_transitions').values(row).execute();
}

export async function findTransitionRows(db: DbOrTx, instanceId: string) {
  return db.selectFrom('workflow_transitions').selectAll().where('instance_id', '=', instanceId).orderBy('seq').execute();
}

export async function findInstanceRowsBySubject(db: DbOrTx, subjectType: string, subjectId: string) {
  return db
    .selectFrom('workflow_instances')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface Page {
  limit: number;
  offset: number;
}

/** Sooner due first, then those without a deadline, oldest first. */
const dueFirst = sql<number>`case when due_at is null then 1 else 0 end`;

export async function findTaskRows(
  db: DbOrTx,
  q: { organizationId: string; userId: string; actionable: readonly ActionableStates[]; process?: string } & Page,
) {
  const actionable = q.process ? q.actionable.filter((a) => a.process === q.process) : q.actionable;
  if (actionable.length === 0) return [];
  return db
    .selectFrom('workflow_instances')
    .selectAll()
    .where('organization_id', '=', q.organizationId)
    .where('completed_at', 'is', null)
    .where((eb) => eb.or([eb('assignee_user_id', 'is', null), eb('assignee_user_id', '=', q.userId)]))
    .where((eb) => eb.or(actionable.map((a) => eb.and([eb('process', '=', a.process), eb('state', 'in', a.states)]))))
    .orderBy(dueFirst)
    .orderBy('due_at')
    .orderBy('entered_state_at')
    .orderBy('id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}

/** Open instances whose due instant is in (after, upTo]; `after` omitted = everything due by `upTo`. */
export async function findDueRows(
  db: DbOrTx,
  q: { upTo: string; after?: string; organizationId?: string; process?: string } & Page,
) {
  let query = db.selectFrom('workflow_instances').selectAll().where('completed_at', 'is', null).where('due_at', '<=', q.upTo);
  if (q.after) query = query.where('due_at', '>', q.after);
  if (q.organizationId) query = query.where('organization_id', '=', q.organizationId);
  if (q.process) query = query.where('process', '=', q.process);
  return query.orderBy('due_at').orderBy('id').limit(q.limit).offset(q.offset).execute();
}

/** Instances of `processes` overdue at `now` that no sweep has claimed yet. */
export async function findUnclaimedOverdueIds(db: DbOrTx, now: string, processes: readonly string[], limit: number): Promise<string[]> {
  if (processes.length === 0) return [];
  const rows = await db
    .selectFrom('workflow_instances')
    .select('id')
    .where('due_at', '<=', now)
    .where('completed_at', 'is', null)
    .where('overdue_notified_at', 'is', null)
    .where('process', 'in', processes)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The claim: marks the instance as notified only if no other sweep did and it is still overdue. Exactly one
 * concurrent caller gets `true` (PostgreSQL re-checks the WHERE after waiting for the other's row lock;
 * SQLite has a single writer).
 */
export async function claimOverdue(db: DbOrTx, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('workflow_instances')
    .set({ overdue_notified_at: now })
    .where('id', '=', id)
    .where('overdue_notified_at', 'is', null)
    .where('completed_at', 'is', null)
    .where('due_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
