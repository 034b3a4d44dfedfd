import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../db/index.js';
import { HttpProblem } from '../http/problem.js';
import { hashPassword, verifyPassword } from './password.js';
import { findRolesOfUser, findUserByUsername, recordFailedLogin, resetFailedLogins } from './user.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Write last_seen_at at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export const sha256hex = (v: string) => createHash('sha256').update(v).digest('hex');

// Verified when the username is unknown, so both kinds of failure take the same time.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

/**
 * Password login with lockout: after 5 failures the account is locked for 15 minutes. The error never says
 * whether the username or the password was wrong.
 */
export async function login(db: Db, username: string, password: string, now = new Date()) {
  const user = await findUserByUsername(db, username);
  if (!user || user.disabled) {
    await verifyPassword(await getDummyHash(), password);
    throw new HttpProblem(401, 'invalid-credentials');
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    throw new HttpProblem(423, 'account-locked', undefined, undefined, { lockedUntil: user.locked_until });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failed = (user.locked_until ? 0 : user.failed_logins) + 1;
    const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await recordFailedLogin(db, user.id, lockedUntil ? 0 : failed, lockedUntil);
    if (lockedUntil) throw new HttpProblem(423, 'account-locked', undefined, undefined, { lockedUntil });
    throw new HttpProblem(401, 'invalid-credentials');
  }
  if (user.failed_logins || user.locked_until) await resetFailedLogins(db, user.id);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const iso = now.toISOString();
  const roles = JSON.stringify(await findRolesOfUser(db, user.id));
  await db.insertInto('sessions').values({ id_hash: sha256hex(token), user_id: user.id, csrf_token: csrfToken, created_at: iso, last_seen_at: iso, roles }).execute();
  return { token, csrfToken, userId: user.id };
}

export async function logout(db: DbOrTx, token: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256hex(token)).execute();
}

/** Resolves a session cookie; sessions idle longer than `idleMinutes` are deleted. */
export async function resumeSession(db: Db, token: string, idleMinutes: number, now = new Date()) {
  const idHash = sha256hex(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.roles as session_roles', 'users.id as user_id', 'users.username', 'users.display_name',
      'users.disabled', 'organizations.id as organization_id', 'organizations.name as organization_name',
      'organizations.kind as organization_kind',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  if (row.disabled || idleMs > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  const roles = row.session_roles ? (JSON.parse(row.session_roles) as string[]) : await findRolesOfUser(db, row.user_id);
  return { ...row, roles };
}
