import type { DbOrTx } from '../db/index.js';
import type { UserTable } from './identity.table.js';

export function findUserByUsername(db: DbOrTx, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: DbOrTx, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: DbOrTx, row: UserTable, roles: readonly string[]) {
  await db.insertInto('users').values(row).execute();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: row.id, role }))).execute();
}

export async function findRolesOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows.map((r) => r.role);
}

export async function findRolesOfUsers(db: DbOrTx, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!userIds.length) return out;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role]);
  return out;
}

export async function replaceRolesOfUser(db: DbOrTx, userId: string, roles: readonly string[]) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  // Open sessions carry the roles: a change applies to the user's next request, not their next login.
  await db.updateTable('sessions').set({ roles: JSON.stringify(roles) }).where('user_id', '=', userId).execute();
}

export function listUsers(db: DbOrTx, opts: { organizationId?: string; limit: number; offset: number }) {
  let q = db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id', 'users.username', 'users.display_name', 'users.organization_id', 'users.phone_masked',
      'users.resident_id_masked', 'users.disabled', 'users.locked_until', 'users.created_at',
      'organizations.name as organization_name', 'organizations.kind as organization_kind',
    ]);
  if (opts.organizationId) q = q.where('users.organization_id', '=', opts.organizationId);
  return q.orderBy('users.username').limit(opts.limit).offset(opts.offset).execute();
}

export async function recordFailedLogin(db: DbOrTx, userId: string, failedLogins: number, lockedUntil: string | null) {
  await db.updateTable('users').set({ failed_logins: failedLogins, locked_until: lockedUntil }).where('id', '=', userId).execute();
}

export async function resetFailedLogins(db: DbOrTx, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}
