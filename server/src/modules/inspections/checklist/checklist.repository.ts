import type { DbOrTx } from '../../../platform/db/index.js';
import type { InspChecklistVersionTable } from '../inspections.table.js';
import '../inspections.table.js';

export async function insertChecklistVersion(db: DbOrTx, row: InspChecklistVersionTable): Promise<void> {
  await db.insertInto('insp_checklist_versions').values(row).execute();
}

/** Every version without its content (small). */
export function listChecklistVersions(db: DbOrTx) {
  return db
    .selectFrom('insp_checklist_versions')
    .select(['id', 'version', 'effective_from', 'etag', 'counts', 'published_at', 'ledger_index'])
    .orderBy('effective_from', 'desc')
    .orderBy('published_at', 'desc')
    .execute();
}

export function findChecklistVersionByLabel(db: DbOrTx, version: string) {
  return db.selectFrom('insp_checklist_versions').select(['id']).where('version', '=', version).executeTakeFirst();
}

export function findChecklistContent(db: DbOrTx, id: string) {
  return db.selectFrom('insp_checklist_versions').select(['content']).where('id', '=', id).executeTakeFirst();
}

export async function upsertDepartment(db: DbOrTx, code: string, name: string): Promise<void> {
  await db
    .insertInto('insp_departments')
    .values({ code, name, organization_id: null })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name }))
    .execute();
}

export async function linkDepartmentOrganization(db: DbOrTx, code: string, organizationId: string): Promise<void> {
  await db.updateTable('insp_departments').set({ organization_id: organizationId }).where('code', '=', code).execute();
}

export function listDepartments(db: DbOrTx) {
  return db.selectFrom('insp_departments').selectAll().orderBy('code').execute();
}

export function findDepartmentsOfOrganization(db: DbOrTx, organizationId: string) {
  return db.selectFrom('insp_departments').select(['code', 'name']).where('organization_id', '=', organizationId).execute();
}
