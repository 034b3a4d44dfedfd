import type { DbOrTx } from '../db/index.js';
import type { OrganizationTable } from './identity.table.js';

export function findOrganizationById(db: DbOrTx, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrganizationByUscc(db: DbOrTx, uscc: string) {
  return db.selectFrom('organizations').selectAll().where('uscc', '=', uscc).executeTakeFirst();
}

export async function insertOrganization(db: DbOrTx, row: OrganizationTable) {
  await db.insertInto('organizations').values(row).execute();
}

export function listOrganizations(db: DbOrTx, opts: { kind?: string; q?: string; limit: number; offset: number }) {
  let q = db.selectFrom('organizations').selectAll();
  if (opts.kind) q = q.where('kind', '=', opts.kind as OrganizationTable['kind']);
  if (opts.q) q = q.where((eb) => eb.or([eb('name', 'like', `%${opts.q}%`), eb('uscc', '=', opts.q!)]));
  return q.orderBy('name').limit(opts.limit).offset(opts.offset).execute();
}
