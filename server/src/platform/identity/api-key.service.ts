import { randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';
import { HttpProblem } from '../http/problem.js';
import { findRole } from './roles.js';
import { sha256hex } from './session.service.js';

/**
 * API keys for institution systems (a bank's loan system, a utility's billing system). The full key is shown
 * once at creation; only its SHA-256 is stored. Format: `ys_<prefix>_<secret>`.
 */
export async function createApiKey(
  db: DbOrTx,
  input: { organizationId: string; name: string; scopes: string[]; roles: string[]; createdBy: string },
) {
  for (const role of input.roles) {
    if (!findRole(role)) throw new HttpProblem(422, 'unprocessable', undefined, [{ path: 'body.roles', code: 'unknown-role', message: role }]);
  }
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(24).toString('base64url');
  const key = `ys_${prefix}_${secret}`;
  const row = {
    id: newId('key'),
    organization_id: input.organizationId,
    name: input.name,
    prefix,
    key_hash: sha256hex(key),
    scopes: JSON.stringify(input.scopes),
    roles: JSON.stringify(input.roles),
    created_by: input.createdBy,
    created_at: new Date().toISOString(),
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { id: row.id, key, prefix, name: row.name, scopes: input.scopes, roles: input.roles, createdAt: row.created_at };
}

export async function revokeApiKey(db: DbOrTx, organizationId: string, id: string) {
  const res = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!res.numUpdatedRows) throw new HttpProblem(404, 'not-found');
}

export async function resolveApiKey(db: Db, key: string) {
  const m = /^ys_([0-9a-f]{12})_[\w-]+$/.exec(key);
  if (!m) return null;
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('organizations', 'organizations.id', 'api_keys.organization_id')
    .select(['api_keys.id', 'api_keys.name', 'api_keys.key_hash', 'api_keys.scopes', 'api_keys.roles', 'api_keys.revoked_at',
      'organizations.id as organization_id', 'organizations.name as organization_name', 'organizations.kind as organization_kind'])
    .where('api_keys.prefix', '=', m[1]!)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.key_hash !== sha256hex(key)) return null;
  return { ...row, scopes: JSON.parse(row.scopes) as string[], roles: JSON.parse(row.roles) as string[] };
}

export function listApiKeys(db: DbOrTx, organizationId: string) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'scopes', 'roles', 'created_at', 'revoked_at', 'last_used_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .execute();
}
