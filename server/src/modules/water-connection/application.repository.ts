import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import type { WaterApplicationTable } from './water-connection.table.js';
import './water-connection.table.js';

/** States in which an application is open work for its manager (listed, so the count uses the index). */
export const OPEN_STATES = ['survey', 'contract', 'countersign', 'construction', 'water-on'] as const;

/** Next per-day sequence; one statement, safe under concurrency on both dialects (ON CONFLICT … RETURNING). */
export async function nextDailySequence(db: DbOrTx, day: string): Promise<number> {
  const row = await db
    .insertInto('wc_number_counters')
    .values({ day, seq: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ seq: sql`wc_number_counters.seq + 1` }))
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

export async function insertApplication(db: DbOrTx, row: WaterApplicationTable) {
  await db.insertInto('wc_applications').values(row).execute();
}

export function findApplicationById(db: DbOrTx, id: string) {
  return db.selectFrom('wc_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findApplicationByTracking(db: DbOrTx, trackingHash: string) {
  return db.selectFrom('wc_applications').selectAll().where('tracking_hash', '=', trackingHash).executeTakeFirst();
}

export async function updateApplication(db: DbOrTx, id: string, patch: Partial<WaterApplicationTable>) {
  await db.updateTable('wc_applications').set({ ...patch, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

export function listApplications(
  db: DbOrTx,
  filter: { applicantOrgId?: string; utilityOrgId?: string; managerUserId?: string; state?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('wc_applications').selectAll();
  if (filter.applicantOrgId) q = q.where('applicant_org_id', '=', filter.applicantOrgId);
  if (filter.utilityOrgId) q = q.where('utility_org_id', '=', filter.utilityOrgId);
  if (filter.managerUserId) q = q.where('manager_user_id', '=', filter.managerUserId);
  if (filter.state) q = q.where('state', '=', filter.state);
  return q.orderBy('submitted_at', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

/** Service managers of the utility for a district (or all of the utility's managers), with their open work. */
export async function findManagerCandidates(db: DbOrTx, utilityOrgId: string, district: string) {
  const base = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .where('users.organization_id', '=', utilityOrgId)
    .where('users.disabled', '=', 0)
    .where('user_roles.role', '=', 'water-connection.service-manager');
  const inDistrict = await base
    .innerJoin('wc_manager_districts', 'wc_manager_districts.user_id', 'users.id')
    .where('wc_manager_districts.district', '=', district)
    .select(['users.id', 'users.display_name', 'users.phone_masked'])
    .select((eb) => eb.selectFrom('wc_applications').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('wc_applications.manager_user_id', '=', 'users.id')
      .where('wc_applications.state', 'in', [...OPEN_STATES]).as('open_work'))
    .execute();
  if (inDistrict.length) return inDistrict;
  return base.select(['users.id', 'users.display_name', 'users.phone_masked'])
    .select((eb) => eb.selectFrom('wc_applications').select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('wc_applications.manager_user_id', '=', 'users.id')
      .where('wc_applications.state', 'in', [...OPEN_STATES]).as('open_work'))
    .execute();
}

export function findWaterUtilityForCity(db: DbOrTx, cityPrefix: string) {
  return db.selectFrom('organizations').selectAll().where('kind', '=', 'water-utility').where('region_code', 'like', `${cityPrefix}%`).orderBy('created_at').executeTakeFirst();
}
