/**
 * Tables of real-name verification. No resident ID is stored in clear: the masked form for display and the
 * keyed hash (HMAC-SHA256, config.piiKey) for matching (PIPL Art. 6, minimum necessary).
 */
export interface RealNameVerificationTable {
  id: string;
  user_id: string;
  name: string;
  resident_id_masked: string;
  resident_id_hash: string;
  /** `low` | `substantial` | `high` */
  assurance: string;
  /** ProviderInfo.id: `local-demo`, `oidc` */
  provider: string;
  /** The provider's subject (OIDC `sub`), for tracing a result back to the provider's records. */
  provider_subject: string | null;
  verified_at: string;
  created_at: string;
}

/** One-time-code challenges of the local demo provider (and its face-verification stand-in). */
export interface RealNameChallengeTable {
  id: string;
  purpose: string;
  user_id: string;
  name: string;
  resident_id_masked: string;
  resident_id_hash: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
  created_at: string;
}

/** Pending OIDC authorizations; deleted when the callback consumes them. */
export interface RealNameOidcTransactionTable {
  id: string;
  user_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    realname_verifications: RealNameVerificationTable;
    realname_challenges: RealNameChallengeTable;
    realname_oidc_transactions: RealNameOidcTransactionTable;
  }
}
