import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/index.js';
import type { OtpChallenge, OtpChallengeStore, ChallengePurpose } from './challenge.store.js';
import type { RealNameOidcTransactionTable, RealNameVerificationTable } from './realname.table.js';
import './realname.table.js';

export type VerificationRow = Selectable<RealNameVerificationTable>;
export type OidcTransactionRow = Selectable<RealNameOidcTransactionTable>;

export async function insertVerification(db: DbOrTx, row: VerificationRow): Promise<void> {
  await db.insertInto('realname_verifications').values(row).execute();
}

/** The user's most recent verification; ties on time broken by id (UUIDv7 is time-ordered). */
export async function findLatestVerification(db: DbOrTx, userId: string): Promise<VerificationRow | undefined> {
  return db
    .selectFrom('realname_verifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('verified_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertOidcTransaction(db: DbOrTx, row: OidcTransactionRow): Promise<void> {
  await db.insertInto('realname_oidc_transactions').values(row).execute();
}

/** Removes and returns the user's transaction: a callback can use it once, and never someone else's. */
export async function takeOidcTransaction(db: DbOrTx, id: string, userId: string): Promise<OidcTransactionRow | undefined> {
  return db.deleteFrom('realname_oidc_transactions').where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirst();
}

export async function deleteOidcTransactionsBefore(db: DbOrTx, createdBefore: string): Promise<void> {
  await db.deleteFrom('realname_oidc_transactions').where('created_at', '<', createdBefore).execute();
}

export async function deleteChallengesExpiredBefore(db: DbOrTx, expiredBefore: string): Promise<void> {
  await db.deleteFrom('realname_challenges').where('expires_at', '<', expiredBefore).execute();
}

/** The challenge store on the database, so a code issued by one server process can be confirmed on another. */
export function createDbChallengeStore(db: DbOrTx): OtpChallengeStore {
  return {
    async insert(c) {
      await db
        .insertInto('realname_challenges')
        .values({
          id: c.id,
          purpose: c.purpose,
          user_id: c.userId,
          name: c.name,
          resident_id_masked: c.residentIdMasked,
          resident_id_hash: c.residentIdHash,
          code_hash: c.codeHash,
          attempts: c.attempts,
          expires_at: c.expiresAt,
          consumed_at: c.consumedAt,
          created_at: c.createdAt,
        })
        .execute();
    },
    async find(id) {
      const r = await db.selectFrom('realname_challenges').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      const challenge: OtpChallenge = {
        id: r.id,
        purpose: r.purpose as ChallengePurpose,
        userId: r.user_id,
        name: r.name,
        residentIdMasked: r.resident_id_masked,
        residentIdHash: r.resident_id_hash,
        codeHash: r.code_hash,
        attempts: Number(r.attempts),
        expiresAt: r.expires_at,
        consumedAt: r.consumed_at,
        createdAt: r.created_at,
      };
      return challenge;
    },
    async takeAttempt(id, max) {
      // One UPDATE with the limit in its WHERE: concurrent guesses on any process cannot exceed `max`.
      const r = await db
        .updateTable('realname_challenges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .where('attempts', '<', max)
        .returning('attempts')
        .executeTakeFirst();
      return r ? Number(r.attempts) : null;
    },
    async markConsumed(id, at) {
      const r = await db
        .updateTable('realname_challenges')
        .set({ consumed_at: at })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
