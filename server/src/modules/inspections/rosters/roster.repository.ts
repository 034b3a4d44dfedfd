import { sql } from 'kysely';
import type { DbOrTx } from '../../../platform/db/index.js';
import type { InspInspectorTable, InspTargetTable } from '../inspections.table.js';
import '../inspections.table.js';

const BATCH = 200;

export async function upsertTargets(db: DbOrTx, rows: InspTargetTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('insp_targets')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: sql`excluded.name`,
          industry: sql`excluded.industry`,
          district: sql`excluded.district`,
          credit_class: sql`excluded.credit_class`,
          flags: sql`excluded.flags`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
  }
}

export async function upsertInspectors(db: DbOrTx, rows: InspInspectorTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('insp_inspectors')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: sql`excluded.name`,
          department: sql`excluded.department`,
          district: sql`excluded.district`,
          qualifications: sql`excluded.qualifications`,
          conflicts: sql`excluded.conflicts`,
          user_id: sql`excluded.user_id`,
          updated_at: sql`excluded.updated_at`,
        }),
      )
      .execute();
  }
}

export function allTargets(db: DbOrTx) {
  return db.selectFrom('insp_targets').selectAll().orderBy('id').execute();
}

export function allInspectors(db: DbOrTx) {
  return db.selectFrom('insp_inspectors').selectAll().orderBy('id').execute();
}

export function findInspectorsOfUser(db: DbOrTx, userId: string) {
  return db.selectFrom('insp_inspectors').select(['id', 'name', 'department']).where('user_id', '=', userId).execute();
}

export async function rosterCounts(db: DbOrTx) {
  const targets = await db.selectFrom('insp_targets').select(['credit_class', db.fn.countAll<number>().as('n')]).groupBy('credit_class').execute();
  const inspectors = await db.selectFrom('insp_inspectors').select(['department', db.fn.countAll<number>().as('n')]).groupBy('department').execute();
  return {
    targetsByClass: Object.fromEntries(targets.map((r) => [r.credit_class, Number(r.n)])),
    inspectorsByDepartment: Object.fromEntries(inspectors.map((r) => [r.department, Number(r.n)])),
  };
}
