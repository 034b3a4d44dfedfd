import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.js';
import './case.table.js';
import type { CaseRow, CaseUpdate, NewCase } from './case.table.js';

export async function findCaseById(db: DbOrTx, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('bk_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCase(db: DbOrTx, row: NewCase): Promise<void> {
  await db.insertInto('bk_cases').values(row).execute();
}

/** Optimistic update: only if the stored version is `version`; returns whether a row changed. */
export async function updateCaseAtVersion(db: DbOrTx, id: string, version: number, patch: CaseUpdate): Promise<boolean> {
  const r = await db
    .updateTable('bk_cases')
    .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes the next serial for (year, court, type code): one row per key, incremented in place, so two
 * concurrent acceptances never get the same number (the row lock serializes them).
 */
export async function nextCaseSerial(db: DbOrTx, year: number, courtCode: string, typeCode: string): Promise<number> {
  const row = await db
    .insertInto('bk_case_counters')
    .values({ year, court_code: courtCode, type_code: typeCode, last_serial: 1 })
    .onConflict((oc) => oc.columns(['year', 'court_code', 'type_code']).doUpdateSet((eb) => ({ last_serial: eb('bk_case_counters.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return Number(row.last_serial);
}

export interface CaseListFilter {
  courtOrganizationId?: string;
  administratorOrganizationId?: string;
  debtorOrganizationId?: string;
  creditorOrganizationId?: string;
  publicOnly?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

export async function listCases(db: DbOrTx, f: CaseListFilter): Promise<CaseRow[]> {
  let q = db.selectFrom('bk_cases').selectAll();
  q = q.where((eb) => {
    const ors = [];
    if (f.courtOrganizationId) ors.push(eb('court_organization_id', '=', f.courtOrganizationId));
    if (f.administratorOrganizationId) ors.push(eb('administrator_organization_id', '=', f.administratorOrganizationId));
    if (f.debtorOrganizationId) ors.push(eb('debtor_organization_id', '=', f.debtorOrganizationId));
    if (f.creditorOrganizationId) {
      ors.push(eb('id', 'in', eb.selectFrom('bk_claims').select('case_id').where('creditor_organization_id', '=', f.creditorOrganizationId)));
    }
    if (f.publicOnly) ors.push(eb('stage', 'not in', ['applied', 'rejected']));
    return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
  });
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('debtor_name', 'like', like), eb('case_number', 'like', like), eb('application_number', 'like', like)]));
  }
  return q.orderBy('applied_on', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
}
