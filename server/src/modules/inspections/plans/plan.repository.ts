import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/index.js';
import type { InspPlanTable, InspTaskTable } from '../inspections.table.js';
import '../inspections.table.js';

/** Next plan sequence for a key (department + year); one statement, safe under concurrency on both dialects. */
export async function nextPlanSequence(db: DbOrTx, key: string): Promise<number> {
  const row = await db
    .insertInto('insp_plan_counters')
    .values({ key, seq: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet({ seq: sql`insp_plan_counters.seq + 1` }))
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

export async function insertPlan(db: DbOrTx, row: InspPlanTable): Promise<void> {
  await db.insertInto('insp_plans').values(row).execute();
}

export function findPlan(db: DbOrTx, id: string) {
  return db.selectFrom('insp_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Update guarded by the row version read before: 0 rows updated means someone else wrote first. */
export async function updatePlan(db: DbOrTx, id: string, rowVersion: number, patch: Partial<InspPlanTable>): Promise<boolean> {
  const r = await db
    .updateTable('insp_plans')
    .set({ ...patch, row_version: rowVersion + 1 })
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listPlans(db: DbOrTx, filter: { organizationId?: string; publicOnly?: boolean; limit: number; offset: number }) {
  let q = db
    .selectFrom('insp_plans')
    .select(['id', 'number', 'title', 'department', 'state', 'commitment_hash', 'created_at', 'committed_at', 'drawn_at', 'organization_id']);
  if (filter.organizationId) q = q.where('organization_id', '=', filter.organizationId);
  if (filter.publicOnly) q = q.where('state', '!=', 'draft');
  return q.orderBy('created_at', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

export async function insertTasks(db: DbOrTx, rows: InspTaskTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('insp_tasks').values(rows.slice(i, i + 100)).execute();
}

export function tasksOfPlan(db: DbOrTx, planId: string) {
  return db.selectFrom('insp_tasks').selectAll().where('plan_id', '=', planId).orderBy('stratum').orderBy('pick').execute();
}

export async function updateTask(db: DbOrTx, id: string, patch: Partial<InspTaskTable>): Promise<void> {
  await db.updateTable('insp_tasks').set(patch).where('id', '=', id).execute();
}

export function findTask(db: DbOrTx, id: string) {
  return db.selectFrom('insp_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Tasks naming any of the inspector ids (JSON array text; a LIKE on the quoted id works on both dialects). */
export function tasksOfInspectors(db: DbOrTx, inspectorIds: string[]) {
  if (inspectorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('insp_tasks')
    .innerJoin('insp_plans', 'insp_plans.id', 'insp_tasks.plan_id')
    .selectAll('insp_tasks')
    .select(['insp_plans.number as plan_number', 'insp_plans.title as plan_title'])
    .where((eb) => eb.or(inspectorIds.map((id) => eb('insp_tasks.inspector_ids', 'like', `%${JSON.stringify(id)}%`))))
    .orderBy('insp_tasks.state')
    .orderBy('insp_tasks.pick')
    .execute();
}

export function publishedResults(db: DbOrTx, limit: number, offset: number) {
  return db
    .selectFrom('insp_tasks')
    .innerJoin('insp_plans', 'insp_plans.id', 'insp_tasks.plan_id')
    .select([
      'insp_tasks.id',
      'insp_tasks.target_id',
      'insp_tasks.target_name',
      'insp_tasks.district',
      'insp_tasks.industry',
      'insp_tasks.outcome',
      'insp_tasks.published_at',
      'insp_tasks.recorded_at',
      'insp_plans.number as plan_number',
      'insp_plans.title as plan_title',
      'insp_plans.department',
    ])
    .where('insp_tasks.state', '=', 'published')
    .orderBy('insp_tasks.published_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
