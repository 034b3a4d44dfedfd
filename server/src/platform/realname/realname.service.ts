import type { Db, DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';
import { recordAudit } from '../audit/index.js';
import { realNameProblem } from './realname.errors.js';
import { OIDC_TRANSACTION_TTL_MS } from './oidc.provider.js';
import {
  deleteChallengesExpiredBefore,
  deleteOidcTransactionsBefore,
  findLatestVerification,
  insertOidcTransaction,
  insertVerification,
  takeOidcTransaction,
  type VerificationRow,
} from './realname.repository.js';
import type { RealNameRuntime } from './realname.runtime.js';
import type { Assurance, VerifiedClaims } from './realname.types.js';
import type { IssuedChallenge } from './otp-challenge.js';

/** What other modules get: enough to show who signed and to match a person, never the ID in clear. */
export interface VerifiedIdentity {
  name: string;
  residentIdMasked: string;
  residentIdHash: string;
  assurance: Assurance;
  /** ProviderInfo.id; `local-demo` results are for demonstration only. */
  provider: string;
  verifiedAt: string;
}

/** For audit entries written with the verification, in the same transaction. */
export interface RequestContext {
  requestId: string;
  ip?: string | null;
  actorName?: string | null;
  organizationId?: string | null;
}

/** The user's latest real-name verification, or null. Other modules call this (e.g. before signing a contract). */
export async function getVerifiedIdentity(db: DbOrTx, userId: string): Promise<VerifiedIdentity | null> {
  const row = await findLatestVerification(db, userId);
  return row ? toVerifiedIdentity(row) : null;
}

function toVerifiedIdentity(row: VerificationRow): VerifiedIdentity {
  return {
    name: row.name,
    residentIdMasked: row.resident_id_masked,
    residentIdHash: row.resident_id_hash,
    assurance: row.assurance as Assurance,
    provider: row.provider,
    verifiedAt: row.verified_at,
  };
}

/** Keeps the result and an audit entry (masked ID only) in one transaction. */
export async function recordVerification(db: Db, userId: string, claims: VerifiedClaims, ctx: RequestContext): Promise<VerifiedIdentity> {
  const row: VerificationRow = {
    id: newId('rnv'),
    user_id: userId,
    name: claims.name,
    resident_id_masked: claims.residentId.masked,
    resident_id_hash: claims.residentId.hash,
    assurance: claims.assurance,
    provider: claims.providerId,
    provider_subject: claims.providerSubject ?? null,
    verified_at: claims.verifiedAt,
    created_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await insertVerification(trx, row);
    await recordAudit(trx, {
      requestId: ctx.requestId,
      actorKind: 'user',
      actorId: userId,
      actorName: ctx.actorName ?? null,
      organizationId: ctx.organizationId ?? null,
      action: 'realname.verified',
      target: row.id,
      outcome: 200,
      ip: ctx.ip ?? null,
      detail: { provider: row.provider, assurance: row.assurance, residentIdMasked: row.resident_id_masked },
    });
  });
  return toVerifiedIdentity(row);
}

function localProvider(rt: RealNameRuntime) {
  if (rt.kind !== 'local') throw realNameProblem('realname-provider-unavailable', '本服务使用政务 OIDC 实名认证 this server uses OIDC');
  return rt.local;
}

function oidcProvider(rt: RealNameRuntime) {
  if (rt.kind !== 'oidc') throw realNameProblem('realname-provider-unavailable', '本服务使用本地演示实名认证 this server uses the local demo');
  return rt.oidc;
}

export async function startLocalVerification(
  db: Db,
  rt: RealNameRuntime,
  userId: string,
  input: { name: string; residentId: string },
): Promise<IssuedChallenge> {
  const provider = localProvider(rt);
  // Challenges are worthless a day after expiry; clearing them here needs no scheduler.
  await deleteChallengesExpiredBefore(db, new Date(Date.now() - 86_400_000).toISOString());
  return provider.start(userId, input);
}

export async function confirmLocalVerification(
  db: Db,
  rt: RealNameRuntime,
  userId: string,
  input: { challengeId: string; code: string },
  ctx: RequestContext,
): Promise<VerifiedIdentity> {
  const claims = await localProvider(rt).confirm(userId, input);
  return recordVerification(db, userId, claims, ctx);
}

/** Stores the pending authorization for the user; returns where to send the browser and the transaction id. */
export async function startOidcVerification(db: Db, rt: RealNameRuntime, userId: string): Promise<{ url: string; transactionId: string }> {
  const provider = oidcProvider(rt);
  const { url, transaction } = await provider.startAuthorization();
  const transactionId = newId('rno');
  await deleteOidcTransactionsBefore(db, new Date(Date.now() - OIDC_TRANSACTION_TTL_MS).toISOString());
  await insertOidcTransaction(db, {
    id: transactionId,
    user_id: userId,
    state: transaction.state,
    nonce: transaction.nonce,
    code_verifier: transaction.codeVerifier,
    created_at: transaction.createdAt,
  });
  return { url, transactionId };
}

/** The transaction is removed before the code is exchanged, so one callback can never be replayed. */
export async function completeOidcVerification(
  db: Db,
  rt: RealNameRuntime,
  userId: string,
  transactionId: string | undefined,
  callbackQuery: string,
  ctx: RequestContext,
): Promise<VerifiedIdentity> {
  const provider = oidcProvider(rt);
  const row = transactionId ? await takeOidcTransaction(db, transactionId, userId) : undefined;
  const transaction = row && { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, createdAt: row.created_at };
  const claims = await provider.completeAuthorization(callbackQuery, transaction);
  return recordVerification(db, userId, claims, ctx);
}
